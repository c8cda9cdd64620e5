#!/usr/bin/env bash
# Draws docs/pictures/quantiles.png, the histogram chapter's picture of quantiles, from a live run:
# starts histograms-app (buckets .1 to 1 s, as the tutorial's second histogram) and summaries-app
# (with its 0.5, 0.9 and 0.99 quantiles) on free loopback ports, both answering /repos/... from the
# embedded stand-in for the GitHub API, sends both the same requests, scrapes both, computes p50 and
# p90 from the buckets exactly as PromQL's histogram_quantile() does, and plots the buckets, where
# histogram_quantile puts p50 and p90, and the summary's own quantiles (gnuplot: quantiles.gp).
#
#   docs/pictures/quantiles.sh            # 200 requests, 8 at a time, to each service
#   docs/pictures/quantiles.sh -n 500     # or REQUESTS=500; PARALLEL=16 sends 16 at a time
#
# Needs java 17+, curl and gnuplot (Debian: gnuplot-nox, installed when run as root); builds the two
# jars when missing. Both services are stopped when it ends, on an error or on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C # decimal points, in awk and in gnuplot

requests=${REQUESTS:-200}
parallel=${PARALLEL:-8}
while (($#)); do
  case $1 in
    -n) requests=${2:-}; shift 2 || { echo "quantiles: -n needs a number" >&2; exit 2; } ;;
    --requests=*) requests=${1#*=}; shift ;;
    -h | --help) sed -n '2,13s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "quantiles: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ $requests =~ ^[1-9][0-9]*$ && $parallel =~ ^[1-9][0-9]*$ ]] ||
  { echo "quantiles: REQUESTS and PARALLEL must be positive whole numbers" >&2; exit 2; }

# shellcheck source=../../scripts/require.sh
source scripts/require.sh
require_jdk quantiles
need quantiles curl curl
need quantiles gnuplot gnuplot-nox

hjar=histograms-app/target/histograms-app.jar
sjar=summaries-app/target/summaries-app.jar
if [[ ! -f $hjar || ! -f $sjar ]]; then
  require_javac
  echo "quantiles: building $hjar and $sjar ..." >&2
  ./mvnw -B -q -pl histograms-app,summaries-app -am package -DskipTests >&2
fi

work=$(mktemp -d)
pids=()
stop_services() {
  local pid
  for pid in ${pids[@]+"${pids[@]}"}; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in ${pids[@]+"${pids[@]}"}; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
  rm -rf "$work"
}
trap stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

common=(--port=0 --host=127.0.0.1 --offline=true --request-log=false --jvm-metrics=false)
java -jar "$hjar" "${common[@]}" --buckets=tutorial >"$work/histograms.log" 2>&1 &
pids+=($!)
java -jar "$sjar" "${common[@]}" --quantiles=true >"$work/summaries.log" 2>&1 &
pids+=($!)

# Each service logs "... listening on http://127.0.0.1:PORT ..." once it serves (--port=0 picks a free port).
port_of() { # log pid
  local port=""
  for _ in $(seq 300); do
    port=$(sed -n 's|.* listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$1")
    [[ -n $port ]] && { echo "$port"; return; }
    kill -0 "$2" 2>/dev/null || break
    sleep 0.1
  done
  echo "quantiles: the service did not start; its log ($1):" >&2
  cat "$1" >&2
  return 1
}
hport=$(port_of "$work/histograms.log" "${pids[0]}")
sport=$(port_of "$work/summaries.log" "${pids[1]}")
echo "quantiles: histograms-app on 127.0.0.1:$hport, summaries-app on 127.0.0.1:$sport;" \
  "sending $requests requests to each, $parallel at a time ..." >&2

# The same paths, in the same order, to both services, both at once. The first request goes alone:
# a fresh JVM loads the classes of the whole request path on it, and 8 at once would all be slow.
repos=(prometheus/prometheus apache/kafka moby/moby grafana/grafana kubernetes/kubernetes)
for ((i = 0; i < requests; i++)); do echo "/repos/${repos[i % ${#repos[@]}]}"; done >"$work/paths"
send() { # port -> one HTTP status per line
  sed "s|^|http://127.0.0.1:$1|" "$work/paths" >"$work/urls.$1"
  head -n 1 "$work/urls.$1" | xargs -n 1 curl -s -o /dev/null -w '%{http_code}\n' --max-time 30
  tail -n +2 "$work/urls.$1" | xargs -r -P "$parallel" -n 1 curl -s -o /dev/null -w '%{http_code}\n' --max-time 30
}
send "$hport" >"$work/histograms.codes" &
hsend=$!
send "$sport" >"$work/summaries.codes"
wait "$hsend"
for app in histograms summaries; do
  ok=$(grep -c '^200$' "$work/$app.codes" || true)
  ((ok == requests)) || echo "quantiles: warning: $app-app answered $ok of $requests requests with 200" >&2
done

curl -s -g --fail "http://127.0.0.1:$hport/metrics?name[]=request_duration_seconds" >"$work/histogram.txt"
curl -s -g --fail "http://127.0.0.1:$sport/metrics?name[]=request_processing_seconds" >"$work/summary.txt"

# histogram_quantile(q, buckets), as Prometheus computes it for classic buckets (promql/quantile.go):
# rank = q * (count of the +Inf bucket); the first bucket whose cumulative count >= rank holds the
# quantile, which lies between that bucket's lower bound (the previous upper bound, 0 for the first)
# and its upper bound, linearly by (rank - count below) / (count in the bucket); if that bucket is
# +Inf, the answer is the highest finite upper bound. Buckets of all series are summed by le.
# Writes buckets.dat (lower upper count cumulative, per finite bucket) and cdf.dat (upper bound and
# the fraction of requests at or below it, from 0 0 on), and prints one line per q:
# q value lower upper countBelow countInBucket rank, then "inf <count above the last bound>".
awk -v data="$work/buckets.dat" -v cdf="$work/cdf.dat" '
  /^request_duration_seconds_bucket\{/ {
    le = $0; sub(/.*le="/, "", le); sub(/".*/, "", le)
    if (!(le in cum)) { les[++n] = le }
    cum[le] += $NF
  }
  function bound(le) { return le == "+Inf" ? 1e308 : le + 0 }
  END {
    if (!("+Inf" in cum)) { print "no +Inf bucket in the scrape" > "/dev/stderr"; exit 1 }
    for (i = 2; i <= n; i++) for (j = i; j > 1 && bound(les[j]) < bound(les[j-1]); j--) {
      t = les[j]; les[j] = les[j-1]; les[j-1] = t
    }
    total = cum["+Inf"]
    if (total == 0) { print "no observations in the histogram" > "/dev/stderr"; exit 1 }
    below = 0
    print "0 0" > cdf
    for (i = 1; i < n; i++) {
      printf "%s %.6f\n", les[i], cum[les[i]] / total > cdf
      printf "%s %s %d %d\n", (i == 1 ? 0 : les[i-1]), les[i], cum[les[i]] - below, cum[les[i]] > data
      below = cum[les[i]]
    }
    split("0.5 0.9 0.99", qs, " ")
    for (k = 1; k <= 3; k++) {
      q = qs[k]; rank = q * total
      for (b = 1; b < n && cum[les[b]] < rank; b++) {}
      if (b == n) { printf "%s %s %s +Inf %d %d %g\n", q, les[n-1], les[n-1], cum[les[n-1]], total - cum[les[n-1]], rank; continue }
      lo = (b == 1 ? 0 : les[b-1] + 0); hi = les[b] + 0
      cb = (b == 1 ? 0 : cum[les[b-1]]); in_b = cum[les[b]] - cb
      printf "%s %.6f %s %s %d %d %g\n", q, lo + (hi - lo) * (rank - cb) / in_b, lo, hi, cb, in_b, rank
    }
    printf "inf %d\n", total - cum[les[n-1]]
  }' "$work/histogram.txt" >"$work/quantiles.txt"

# The summary's quantiles as summaries-app computed them, and both services' counts.
summary_q() {
  awk -v q="$1" '/^request_processing_seconds\{/ && index($0, "quantile=\"" q "\"") { print $NF; exit }' "$work/summary.txt"
}
s50=$(summary_q 0.5) s90=$(summary_q 0.9) s99=$(summary_q 0.99)
hcount=$(awk '/^request_duration_seconds_count/ { c += $NF } END { printf "%d", c }' "$work/histogram.txt")
scount=$(awk '/^request_processing_seconds_count/ { c += $NF } END { printf "%d", c }' "$work/summary.txt")
[[ -n $s50 && -n $s90 && -n $s99 ]] || { echo "quantiles: no quantiles in summaries-app's scrape:" >&2; cat "$work/summary.txt" >&2; exit 1; }

read -r _ p50 lo50 hi50 below50 in50 rank50 < <(grep '^0.5 ' "$work/quantiles.txt")
read -r _ p90 lo90 hi90 below90 in90 rank90 < <(grep '^0.9 ' "$work/quantiles.txt")
read -r _ p99 lo99 hi99 below99 in99 rank99 < <(grep '^0.99 ' "$work/quantiles.txt")
read -r _ above < <(grep '^inf ' "$work/quantiles.txt")

out=docs/pictures/quantiles.png
# a quantile in the +Inf bucket has no bucket to shade: give gnuplot an empty one at the last bound
LC_ALL=C.UTF-8 gnuplot -e "datafile='$work/buckets.dat'; cdffile='$work/cdf.dat'; outfile='$out'; total=$hcount; above=$above;
  p50=$p50; lo50=$lo50; hi50=${hi50/+Inf/$lo50}; below50=$below50; in50=$in50; rank50=$rank50;
  p90=$p90; lo90=$lo90; hi90=${hi90/+Inf/$lo90}; below90=$below90; in90=$in90; rank90=$rank90;
  p99=$p99; s50=$s50; s90=$s90; s99=$s99" docs/pictures/quantiles.gp

take() { awk -v r="$1" -v b="$2" 'BEGIN { printf "%.1f", r - b }'; }
where() { # rank below in lo hi: how histogram_quantile got there
  if [[ $5 == +Inf ]]; then
    echo "rank $1: in the +Inf bucket ($3 above $4 s), so the highest finite bound"
  else
    echo "rank $1: $(take "$1" "$2") of the $3 requests in the $4-$5 s bucket ($2 below it)"
  fi
}
secs() { awk -v v="$1" 'BEGIN { printf "%.3f", v }'; }
cat <<EOF
requests sent to each service:   $requests ($parallel at a time)
histogram request_duration_seconds_count: $hcount, of which $above above 1 s (+Inf bucket)
summary   request_processing_seconds_count: $scount
histogram_quantile(0.5)  = $(secs "$p50") s   $(where "$rank50" "$below50" "$in50" "$lo50" "$hi50")
histogram_quantile(0.9)  = $(secs "$p90") s   $(where "$rank90" "$below90" "$in90" "$lo90" "$hi90")
histogram_quantile(0.99) = $(secs "$p99") s   $(where "$rank99" "$below99" "$in99" "$lo99" "$hi99")
summary quantile 0.5  = $(secs "$s50") s
summary quantile 0.9  = $(secs "$s90") s
summary quantile 0.99 = $(secs "$s99") s
buckets (lower upper count cumulative):
$(sed 's/^/  /' "$work/buckets.dat")
wrote $out
EOF
