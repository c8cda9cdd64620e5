#!/usr/bin/env bash
# Regenerates the vendored JSON schemas in this folder from npm packages at pinned versions:
#   ./kubernetes/schemas/update.sh
# Needs node and npm, and the npm registry; the build and CI never run it, they read the files it
# wrote (see README.md). The packages are installed into a temporary folder, not into the project.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# The last 4.x releases that ship their schemas as plain objects: later ones ship only compiled
# validators, from which no schema can be read back.
KUBERNETES_MODELS=4.3.1          # Kubernetes 1.27.1's OpenAPI definitions
PROMETHEUS_OPERATOR_MODELS=4.0.0 # the Prometheus Operator v0.57.0 CRDs
# ObjectMeta, LabelSelector and IntOrString live here; pinned, since both packages take a range
APIMACHINERY_MODELS=1.2.2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --silent \
    "kubernetes-models@$KUBERNETES_MODELS" \
    "@kubernetes-models/prometheus-operator@$PROMETHEUS_OPERATOR_MODELS" \
    "@kubernetes-models/apimachinery@$APIMACHINERY_MODELS"
)
NODE_PATH="$work/node_modules" node "$here/export.cjs" "$here" \
  "kubernetes-models@$KUBERNETES_MODELS" \
  "@kubernetes-models/prometheus-operator@$PROMETHEUS_OPERATOR_MODELS" \
  "@kubernetes-models/apimachinery@$APIMACHINERY_MODELS"
