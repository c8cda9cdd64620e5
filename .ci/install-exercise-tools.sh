#!/usr/bin/env bash
# Installs what the exercise checker's tests run beside the JDK: tmux, the real terminal its watcher
# is driven through, and Debian's Python with Flask and prometheus_client, on which the tutorial's
# own apps in python/ are judged (./exercise check counters --target ...).
set -euo pipefail

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi

packages=(tmux python3-flask python3-prometheus-client python3-requests)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "already installed: ${packages[*]}"
  exit 0
fi
echo "installing: ${missing[*]}"
install() {
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
}
# the package lists are fresh when install-prometheus.sh ran before: update only if they are not
install 2>/dev/null || { $sudo apt-get update -qq -o DPkg::Lock::Timeout=300 && install; }
