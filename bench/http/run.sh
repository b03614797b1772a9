#!/usr/bin/env bash
# crieur's HTTP server on loopback, with the release build, on the bundled sample sites:
# /calendar.ics requests per second with and without ETag, the page's time to first byte,
# and memory: crieur serving HTTP (after the load) beside `crieur chat`, which holds the
# same sites and index with no server. Prints what RESULTS.md records.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/release/crieur
[[ -x $bin ]] || { echo "build first: cargo build --release" >&2; exit 1; }
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT
port=18080
sed -e "s|^data_dir = .*|data_dir = \"$dir/data\"|" \
    -e "s|\"\.\./sample/|\"$PWD/sample/|" \
    -e "s|^# \[http\]|[http]|" -e "s|^# listen = \"127.0.0.1:8080\"|listen = \"127.0.0.1:$port\"|" \
    config/crieur.toml >"$dir/crieur.toml"
$bin run --config "$dir/crieur.toml" 2>"$dir/log" &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
rss() { awk '/^VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$1/status"; }
echo "after start: $(rss $pid)"
# ApacheBench (apache2-utils): 4 keep-alive connections, 20000 requests each time.
load() {
    ab -q -k -c 4 -n 20000 "$@" 2>&1 | awk -v what="$*" '/Requests per second/ {rps=$4} /Non-2xx/ {n=$3} END {printf "%-60s %8.0f requests/s%s\n", what, rps, (n ? " (" n " not 2xx: 304s)" : "")}'
}
etag=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/calendar.ics" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
load "http://127.0.0.1:$port/calendar.ics"
load -H "If-None-Match: $etag" "http://127.0.0.1:$port/calendar.ics"
load "http://127.0.0.1:$port/events.json"
ttfb=$(for _ in $(seq 50); do curl -s -o /dev/null -w '%{time_starttransfer}\n' "http://127.0.0.1:$port/"; done | sort -n | awk '{a[NR]=$1} END {printf "%.2f ms median, %.2f ms p90", a[int(NR/2)]*1000, a[int(NR*0.9)]*1000}')
echo "/ time to first byte: $ttfb"
echo "crieur run with [http], after the load: $(rss $pid)"
(sleep 5 | $bin chat --config "$dir/crieur.toml" --data "$dir/data2" >/dev/null 2>&1) &
sleep 3
chat=$(pgrep -n -f "$bin chat")
echo "crieur chat (same sites, no server): $(rss $chat)"
