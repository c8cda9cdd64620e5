#!/usr/bin/env bash
# Installs Debian's prometheus package (prometheus and promtool) for the end-to-end tests, without
# letting the package start its own server, and checks that none is left on :9090 or :9100.
# The tests start their own Prometheus on a free 127.0.0.1 port with a temporary data folder.
set -euo pipefail

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi

# Is something accepting connections on 127.0.0.1:PORT?
listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# What listened before the install, to tell the package's servers from others afterwards.
declare -A listening_before=()
for port in 9090 9100; do
  if listening "$port"; then
    listening_before[$port]=1
  fi
done

if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  echo "prometheus already installed: $(command -v prometheus), $(command -v promtool)"
else
  # policy-rc.d exiting 101 tells the package's postinst not to start the service
  created_policy=false
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\n# from .ci/install-prometheus.sh: no service starts during the install\nexit 101\n' |
      $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod 755 /usr/sbin/policy-rc.d
    created_policy=true
  fi
  remove_policy() {
    if [[ $created_policy == true ]]; then
      $sudo rm -f /usr/sbin/policy-rc.d
    fi
  }
  trap remove_policy EXIT

  # other processes may hold the apt and dpkg locks for a while: wait up to 5 minutes for them
  $sudo apt-get update -o DPkg::Lock::Timeout=300
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=300 prometheus
  remove_policy
  trap - EXIT
fi
prometheus --version 2>&1 | head -n 1
promtool --version 2>&1 | head -n 1

# If the package's server or node exporter runs after all (a host without policy-rc.d's effect,
# such as one booted with systemd, or an earlier install), stop it: nothing of the package's may
# stay on :9090 or :9100.
stop_package_services() {
  for service in prometheus prometheus-node-exporter; do
    if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
      $sudo systemctl stop "$service" 2>/dev/null || true
    elif [[ -x /etc/init.d/$service ]]; then
      $sudo "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    fi
  done
}
for port in 9090 9100; do
  listening "$port" || continue
  echo "something listens on :$port; stopping the package's services" >&2
  stop_package_services
  for _ in $(seq 50); do
    listening "$port" || break
    sleep 0.1
  done
  if listening "$port"; then
    if [[ -n ${listening_before[$port]:-} ]]; then
      # there before this script and not the package's service: not ours to stop
      echo "warning: :$port is taken by something other than the package's services" >&2
    else
      echo "error: :$port is still taken after stopping the package's services" >&2
      exit 1
    fi
  fi
done
echo "prometheus installed; nothing of the package's listens on :9090 or :9100"
