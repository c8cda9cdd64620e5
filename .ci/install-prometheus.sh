#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests run: prometheus (prometheus and promtool),
# victoria-metrics and prometheus-alertmanager (with amtool), without letting a package start its
# own server, and checks that none is left on their ports (:9090, :9100, :8428, :9093, :9094).
# The tests start their own servers on free 127.0.0.1 ports with temporary data folders.
set -euo pipefail

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi

# Is something accepting connections on 127.0.0.1:PORT?
listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The packages' servers' ports: Prometheus, node exporter (a Recommends, not installed here),
# VictoriaMetrics, Alertmanager and its cluster port.
package_ports=(9090 9100 8428 9093 9094)

# What listened before the install, to tell the packages' servers from others afterwards.
declare -A listening_before=()
for port in "${package_ports[@]}"; do
  if listening "$port"; then
    listening_before[$port]=1
  fi
done

binaries=(prometheus promtool victoria-metrics prometheus-alertmanager amtool)
missing=()
for binary in "${binaries[@]}"; do
  command -v "$binary" >/dev/null || missing+=("$binary")
done
if ((${#missing[@]} == 0)); then
  echo "already installed: $(for binary in "${binaries[@]}"; do command -v "$binary"; done | paste -sd ' ')"
else
  echo "not installed yet: ${missing[*]}"
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
    -o DPkg::Lock::Timeout=300 prometheus victoria-metrics prometheus-alertmanager
  remove_policy
  trap - EXIT
fi
prometheus --version 2>&1 | head -n 1
promtool --version 2>&1 | head -n 1
prometheus-alertmanager --version 2>&1 | head -n 1
amtool --version 2>&1 | head -n 1
# Debian's victoria-metrics build reports an empty version: the package's then
victoria_version=$(victoria-metrics -version 2>&1 | head -n 1)
if [[ -z $victoria_version ]]; then
  victoria_version="victoria-metrics $(dpkg-query -W -f='${Version}' victoria-metrics 2>/dev/null || echo '(unknown version)')"
fi
echo "$victoria_version"

# If a package's server runs after all (a host without policy-rc.d's effect, such as one booted
# with systemd, or an earlier install), stop it: nothing of the packages' may stay on their ports.
stop_package_services() {
  for service in prometheus prometheus-node-exporter victoria-metrics prometheus-alertmanager; do
    if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
      $sudo systemctl stop "$service" 2>/dev/null || true
    elif [[ -x /etc/init.d/$service ]]; then
      $sudo "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    fi
  done
}
for port in "${package_ports[@]}"; do
  listening "$port" || continue
  echo "something listens on :$port; stopping the packages' services" >&2
  stop_package_services
  for _ in $(seq 50); do
    listening "$port" || break
    sleep 0.1
  done
  if listening "$port"; then
    if [[ -n ${listening_before[$port]:-} ]]; then
      # there before this script and not a package's service: not ours to stop
      echo "warning: :$port is taken by something other than the packages' services" >&2
    else
      echo "error: :$port is still taken after stopping the packages' services" >&2
      exit 1
    fi
  fi
done
echo "prometheus, victoria-metrics and prometheus-alertmanager installed; nothing of theirs listens on ${package_ports[*]/#/:}"
