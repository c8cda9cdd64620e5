#!/usr/bin/env bash
# Renders topology.dot into topology.svg with Graphviz (Debian package graphviz).
set -euo pipefail
cd "$(dirname "$0")"
command -v dot >/dev/null || { echo "needs Graphviz: sudo apt-get install --no-install-recommends graphviz" >&2; exit 1; }
dot -Tsvg topology.dot -o topology.svg
echo "wrote $(pwd)/topology.svg"
