#!/usr/bin/env bash
# Measures crieur with the shared IRC bot harness (../shared/bench/irc), beside the
# harness's do-nothing floor bot, in the same run: latency (1 client, channel and private),
# 10 clients in flight, and 50-command bursts against public-like and kill-on-flood
# servers with crieur's shipped defaults. Needs a release build and inspircd.
#   bench/irc/run.sh [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
H=${IRCBENCH:-$root/../shared/bench/irc}
out=${1:-/tmp/crieur-ircbench}
mkdir -p "$out"
bin=$root/target/release/crieur
site=${BENCH_SITE:-$root/../shared/corpus/georchestra}
now=2026-11-22T10:00:00+01:00
[[ -x $bin ]] || { echo "build first: cargo build --release" >&2; exit 1; }

config() {  # config PROFILE DIR
  local throttle
  case $1 in
    stock) throttle="" ;;
    unthrottled) throttle=$'throttle_burst = 20\nthrottle_per_second = 10000\nrepeat_window_secs = 0\nchannel_share = 0' ;;
  esac
  mkdir -p "$2"
  sed -e "s|@PORT@|16667|" -e "s|@DIR@|$2|" -e "s|@SITE@|$site|" "$here/crieur.toml.in" |
    awk -v t="$throttle" '{ if ($0 == "@THROTTLE@") print t; else print }' >"$2/crieur.toml"
}

nullconf() {
  mkdir -p "$1"
  sed -e "s|@PORT@|16667|" "$H/bots/nullbot/nullbot.conf.in" >"$1/nullbot.conf"
}

bench() {  # bench NAME PROFILE SERVER ARGS...
  local name=$1 prof=$2 server=$3; shift 3
  "$H/server.sh" stop >/dev/null 2>&1 || true
  IRCBENCH_SERVER_DIR=$out/server "$H/server.sh" start "$server" >/dev/null
  local d=$out/state/$name; rm -rf "$d"
  local spawn nick expect
  if [[ $name == null* ]]; then
    nullconf "$d"; spawn="/usr/bin/python3 $H/bots/nullbot/nullbot.py $d/nullbot.conf"; nick=BenchNull; expect=NEXT-OK
  else
    config "$prof" "$d"; spawn="$bin run --config $d/crieur.toml --now $now"; nick=BenchCrieur; expect="geOcom 2027"
  fi
  python3 "$H/ircbench.py" --bot-nick "$nick" --expect "$expect" --spawn "$spawn" --spawn-log "$d/bot.log" \
    --json "$out/$name.json" "$@" | tee "$out/$name.txt"
  IRCBENCH_SERVER_DIR=$out/server "$H/server.sh" stop >/dev/null 2>&1 || true
}

for bot in ${BOTS:-crieur null}; do
  [[ ${ONLY:-} == burst ]] || bench "$bot-latency" unthrottled relaxed --mode latency --count 2000 --warmup 20
  [[ ${ONLY:-} == burst ]] || bench "$bot-latency-pm" unthrottled relaxed --mode latency --count 2000 --warmup 20 --target private
  [[ ${ONLY:-} == burst ]] || bench "$bot-latency-c10" unthrottled relaxed --mode latency --count 2000 --warmup 20 --clients 10
  bench "$bot-burst-public" stock public --mode burst --burst 50 --clients 2 --keep-samples
  bench "$bot-burst-strict" stock strict --mode burst --burst 50 --clients 2 --keep-samples --rejoin-wait 30
done
echo "results in $out"
