#!/usr/bin/env bash
# Makes the class-data archive of the tuned launch while the image is built, as ./run makes it on
# a first start: the service starts on loopback with -XX:ArchiveClassesAtExit, gets one request of
# every kind, and stops on SIGTERM; as it exits the JVM writes the classes it loaded.
#   train-class-archive.sh <service> <jar> <jvm options file> <archive> <chapters.tsv>
set -euo pipefail
app=$1 jar=$2 options=$3 archive=$4 chapters=$5 port=5000

offline=()
# a chapter that calls the repository API answers from its embedded stand-in: no network while
# building
while IFS=$'\t' read -r module _ calls_api _; do
  if [[ $module == "$app" && $calls_api == yes ]]; then
    offline=(--offline=true --stand-in-latency=false)
  fi
done <"$chapters"

log=$archive.log
java "@$options" "-XX:ArchiveClassesAtExit=$archive" -jar "$jar" \
  --port=$port --host=127.0.0.1 --request-log=false ${offline[@]+"${offline[@]}"} >"$log" 2>&1 &
pid=$!
fail() { echo "$1; the training run's output:" >&2; cat "$log" >&2; exit 1; }

# one request over bash's own /dev/tcp: the JRE image has no curl
request() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' \
    "$1" "$2" "${3:-*/*}" >&3
  cat <&3 >/dev/null
  exec 3>&-
}

for _ in $(seq 150); do
  request GET /health 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "$app stopped before it answered"
  sleep 0.2
done
for path in / /about /add/1 /remove/1 /remove/1 /add/x /repos/prometheus/prometheus /state /nope; do
  request GET "$path"
done
request POST /state/running
request GET /metrics
request GET /metrics 'application/openmetrics-text; version=1.0.0'
request GET /metrics 'application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited'

kill -TERM "$pid"
wait "$pid" || fail "$app did not stop cleanly"
[[ -s $archive ]] || fail "no class-data archive was written to $archive"
rm -f "$log"
