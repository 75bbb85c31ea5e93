#!/usr/bin/env bash
# Benchmarks wirelens against tshark (and tcpdump) on one capture.
#
#   bench/run.sh [CAPTURE]
#
# Without CAPTURE, uses bench/out/bench.pcap, generating it first (bench/gen-capture.sh, needs
# root) if it is not there. For every scenario below, runs each command RUNS times (default 3),
# output to /dev/null, under /usr/bin/time -f '%e %M': the best wall time and the highest peak
# RSS of the runs are reported, with packets/s and the ratios wirelens/reference.
#
# Environment: RUNS (default 3), WIRELENS (default "<repo>/dist/bundle/wirelens.mjs", the bundled CLI
#              run as a program, as `npx wirelens` runs it: its #! line gives Node its options),
#              BASELINE (another wirelens command, e.g. an older build: an extra row per scenario),
#              SCENARIOS (comma-separated names to run; default all enabled ones),
#              BENCH_LOG_DIR (stderr of every run; default bench/out/logs),
#              STRICT=1 (exit 1 when a target is missed; by default only failures to run do).
# Exit status: 0 when every command ran (and, with STRICT=1, met its targets), 1 otherwise —
# including when wirelens is not built yet.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUNS=${RUNS:-3}
LOG_DIR=${BENCH_LOG_DIR:-$HERE/out/logs}
CLI=$ROOT/dist/bundle/wirelens.mjs
WL_OK=1
WL_WHY=""
if [[ -z ${WIRELENS:-} ]]; then
  WIRELENS=$CLI
  # the bundle is made from tsc's output: after a bare `tsc -p .` it is older than dist/node/…
  if [[ -f $CLI && -f $ROOT/dist/node/cli.js ]] \
    && [[ -n $(find "$ROOT/dist" -path "$ROOT/dist/bundle" -prune -o -path "$ROOT/dist/ui" -prune -o -name '*.js' -newer "$CLI" -print -quit) ]]; then
    echo "bench: dist/bundle is older than tsc's output, rebundling (node scripts/bundle-cli.mjs)" >&2
    node "$ROOT/scripts/bundle-cli.mjs" >&2 || { WL_OK=0 WL_WHY="scripts/bundle-cli.mjs failed"; }
  fi
  if [[ ! -f $CLI ]]; then WL_OK=0 WL_WHY="dist/bundle/wirelens.mjs missing (build it: npm run build)"; fi
fi

# Scenarios, one per line:  name|wirelens args|reference args[|reference tool[|min speed ratio|max RSS ratio]]
# wirelens runs as:   $WIRELENS -r CAPTURE <wirelens args>
# the reference as:   <tool> -n -r CAPTURE <reference args>     (tool: tshark (default) or tcpdump)
# Args are shell words (quotes work). Ratios are wirelens pps / reference pps and wirelens RSS /
# reference RSS; the last two fields are the targets from the issues, checked when given.
SCENARIOS_ALL=(
  "summary|||tshark|4|0.25"
  # display filters (issue 3: >= 10x tshark and within 2x of tcpdump for the ICMP one, >= 5x for
  # the TCP one; issue 4: retransmissions >= 5x; issue 5: dns or http >= 5x)
  "filter-icmp|-Y 'ip.addr == 10.77.0.2 and icmp'|-Y 'ip.addr == 10.77.0.2 and icmp'|tshark|10|"
  "filter-icmp-vs-tcpdump|-Y 'ip.addr == 10.77.0.2 and icmp'|'host 10.77.0.2 and icmp'|tcpdump|0.5|"
  # (tshark 4.0 wants commas in a set: {80,443})
  "filter-tcp-len|-Y 'tcp.port in {80,443} and tcp.len > 1000'|-Y 'tcp.port in {80,443} and tcp.len > 1000'|tshark|5|"
  "filter-retrans|-Y tcp.analysis.retransmission|-Y tcp.analysis.retransmission|tshark|5|0.25"
  "filter-dns-http|-Y 'dns or http'|-Y 'dns or http'|tshark|5|"
  # statistics (issue 4): skipped with a message while wirelens does not support -z conv,tcp
  "conv-tcp|-q -z conv,tcp|-q -z conv,tcp|tshark|5|0.25"
)

die() { echo "bench: error: $*" >&2; exit 1; }

if [[ ! -x /usr/bin/time ]]; then
  echo "bench: installing GNU time" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1; } \
    || die "/usr/bin/time missing and could not be installed (apt-get install time)"
fi
command -v capinfos >/dev/null || die "capinfos missing (apt-get install wireshark-common)"

CAPTURE=${1:-}
if [[ -z $CAPTURE ]]; then
  CAPTURE=$HERE/out/bench.pcap
  if [[ ! -s $CAPTURE ]]; then
    echo "bench: $CAPTURE not there, generating it (bench/gen-capture.sh)" >&2
    if [[ $(id -u) == 0 ]]; then bash "$HERE/gen-capture.sh" "$CAPTURE" >&2
    else sudo -n bash "$HERE/gen-capture.sh" "$CAPTURE" >&2; fi || die "capture generation failed"
  fi
fi
[[ -r $CAPTURE ]] || die "cannot read $CAPTURE"
PACKETS=$(capinfos -T -r -c "$CAPTURE" | awk -F'\t' '{print $2}')
[[ $PACKETS =~ ^[0-9]+$ ]] || die "capinfos could not count packets in $CAPTURE"

mkdir -p "$LOG_DIR"
# Warm the page cache so the first timed run doesn't pay for the disk.
cat "$CAPTURE" >/dev/null

# measure NAME TAG CMD... — runs CMD $RUNS times; sets M_SECS (best), M_KIB (max), M_ERR.
measure() {
  local tag=$1; shift
  local t=$LOG_DIR/$tag.time err=$LOG_DIR/$tag.stderr i rc secs kib usr sys cpu
  M_SECS="" M_KIB="" M_ERR="" M_CPU=""
  for ((i = 1; i <= RUNS; i++)); do
    /usr/bin/time -f '%e %M %U %S' -o "$t" "$@" >/dev/null 2>"$err"
    rc=$?
    if ((rc != 0)); then
      M_ERR="exit $rc: $(grep -v '^Running as user' "$err" | tail -n 3 | tr '\n' ' ')"
      return 1
    fi
    read -r secs kib usr sys <"$t"
    cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')
    if [[ -z $M_CPU ]] || awk -v a="$cpu" -v b="$M_CPU" 'BEGIN{exit !(a < b)}'; then M_CPU=$cpu; fi
    if [[ -z $M_SECS ]] || awk -v a="$secs" -v b="$M_SECS" 'BEGIN{exit !(a < b)}'; then M_SECS=$secs; fi
    if [[ -z $M_KIB ]] || ((kib > M_KIB)); then M_KIB=$kib; fi
  done
}

fmt_row() { printf '%-24s %-9s %10s %9s %12s %10s %10s %7s %9s %10s  %s\n' "$@"; }
pps() { awk -v p="$PACKETS" -v s="$1" 'BEGIN{ if (s > 0) printf "%.0f", p/s; else print "inf" }'; }
mib() { awk -v k="$1" 'BEGIN{printf "%.1f", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "-" }'; }

echo "capture: $CAPTURE ($PACKETS packets, $(awk -v b="$(stat -c %s "$CAPTURE")" 'BEGIN{printf "%.1f MiB", b/1048576}'))"
echo "runs:    best of $RUNS for time, highest peak RSS of the runs"
echo "tshark:  $(tshark --version 2>/dev/null | head -n1)"
if ((WL_OK)); then echo "wirelens: $WIRELENS"; else echo "wirelens: NOT RUN — $WL_WHY"; fi
echo
fmt_row scenario tool seconds packets/s "peak RSS MiB" "pps ratio" "RSS ratio" "cpu s" "cpu ratio" target ""
fmt_row ------------------------ --------- ---------- --------- ------------ ---------- ---------- ------- --------- ---------- ""

status=0
want=",${SCENARIOS:-},"
for entry in "${SCENARIOS_ALL[@]}"; do
  IFS='|' read -r name wl_args ref_args ref_tool min_speed max_rss <<<"$entry"
  [[ $want == ",," || $want == *",$name,"* ]] || continue
  ref_tool=${ref_tool:-tshark}
  eval "wl_argv=($wl_args)"
  eval "ref_argv=($ref_args)"

  # a statistics scenario waits until wirelens supports it (it says "not supported" on stderr)
  # shellcheck disable=SC2086
  if ((WL_OK)) && [[ $wl_args == *"-z "* ]] \
    && $WIRELENS -r "$CAPTURE" -c 1 "${wl_argv[@]}" 2>&1 >/dev/null | grep -q 'not supported'; then
    fmt_row "$name" - - - - - - - - - "skipped: wirelens does not support '${wl_args}' yet"
    continue
  fi
  ref_secs="" ref_kib="" ref_cpu=""
  if measure "$name.$ref_tool" "$ref_tool" -n -r "$CAPTURE" "${ref_argv[@]}"; then
    ref_secs=$M_SECS ref_kib=$M_KIB ref_cpu=$M_CPU
    fmt_row "$name" "$ref_tool" "$ref_secs" "$(pps "$ref_secs")" "$(mib "$ref_kib")" "" "" "$ref_cpu" "" "" ""
  else
    fmt_row "$name" "$ref_tool" FAIL - - "" "" "" "" "" "$M_ERR"
    status=1
  fi

  if ((!WL_OK)); then
    fmt_row "$name" wirelens - - - - - - - - "not run: $WL_WHY"
    status=1
    continue
  fi
  # an earlier build for a before/after table in the same run (BASELINE="node /tmp/old/dist/node/cli.js")
  # shellcheck disable=SC2086
  if [[ -n ${BASELINE:-} ]] && [[ $wl_args == *"-z "* ]] \
    && $BASELINE -r "$CAPTURE" -c 1 "${wl_argv[@]}" 2>&1 >/dev/null | grep -q 'not supported'; then
    fmt_row "$name" baseline - - - - - - - - "skipped: the baseline does not support '${wl_args}'"
  elif [[ -n ${BASELINE:-} ]]; then
    if measure "$name.baseline" $BASELINE -r "$CAPTURE" "${wl_argv[@]}"; then
      b_speed=$( [[ -n $ref_secs ]] && ratio "$(pps "$M_SECS")" "$(pps "$ref_secs")" || echo -)
      b_mem=$( [[ -n $ref_secs ]] && ratio "$M_KIB" "$ref_kib" || echo -)
      b_cpu=$( [[ -n $ref_secs ]] && ratio "$ref_cpu" "$M_CPU" || echo -)
      fmt_row "$name" baseline "$M_SECS" "$(pps "$M_SECS")" "$(mib "$M_KIB")" "$b_speed" "$b_mem" "$M_CPU" "$b_cpu" "" ""
    else
      fmt_row "$name" baseline FAIL - - - - - - - "$M_ERR"
    fi
  fi
  # shellcheck disable=SC2086
  if measure "$name.wirelens" $WIRELENS -r "$CAPTURE" "${wl_argv[@]}"; then
    wl_secs=$M_SECS wl_kib=$M_KIB wl_cpu=$M_CPU
    speed="-" mem="-" verdict="" goal="" cpur="-"
    if [[ -n $ref_secs ]]; then
      cpur=$(ratio "$ref_cpu" "$wl_cpu")
      speed=$(ratio "$(pps "$wl_secs")" "$(pps "$ref_secs")")
      mem=$(ratio "$wl_kib" "$ref_kib")
      [[ -n $min_speed ]] && goal="${min_speed}x"
      [[ -n $max_rss ]] && goal="$goal${goal:+/}<=${max_rss}"
      if [[ -n $min_speed ]] && ! awk -v a="$speed" -v b="$min_speed" 'BEGIN{exit !(a >= b)}'; then verdict="MISS speed"; fi
      if [[ -n $max_rss ]] && ! awk -v a="$mem" -v b="$max_rss" 'BEGIN{exit !(a <= b)}'; then verdict="${verdict:+$verdict, }MISS RSS"; fi
      [[ -n $goal && -z $verdict ]] && verdict="ok"
      [[ ${STRICT:-0} == 1 && $verdict == MISS* ]] && status=1
    fi
    fmt_row "$name" wirelens "$wl_secs" "$(pps "$wl_secs")" "$(mib "$wl_kib")" "$speed" "$mem" "$wl_cpu" "$cpur" "${goal:-}" "$verdict"
  else
    fmt_row "$name" wirelens FAIL - - - - - - - "$M_ERR"
    status=1
  fi
done
echo
echo "pps ratio = wirelens packets/s / reference packets/s (higher is better);"
echo "RSS ratio = wirelens peak RSS / reference peak RSS (lower is better);"
echo "cpu s = best user+sys CPU seconds of the runs; cpu ratio = reference cpu / wirelens cpu (the speed"
echo "ratio that a loaded machine disturbs least; verdicts use the wall-time pps ratio). Logs: $LOG_DIR"
exit $status
