#!/usr/bin/env bash
# Generates the benchmark capture: real traffic between two network namespaces joined by a
# veth pair, captured with tcpdump on the client's veth end until TARGET_PACKETS are written.
#
#   bench/gen-capture.sh [OUT.pcap] [TARGET_PACKETS]
#
#   OUT.pcap        default bench/out/bench.pcap
#   TARGET_PACKETS  default 450000 (the benchmark needs >= 400000)
#
# Environment: GEN_TIMEOUT (seconds of capture before giving up, default 300),
#   SMALL_WORKERS (curl loops fetching small objects, default 2), BULK_WORKERS (curl loops
#   downloading 64 KB..4 MB files, default 1), BULK_PAUSE (seconds between bulk downloads, 0.05).
#
# Addresses (only inside the namespaces): client a = 10.77.0.1 / fd77::1,
# server b = 10.77.0.2 / fd77::2 (HTTP :80, DNS :53, ICMP echo target).
# Must run as root (namespaces, capture). Installs missing tools with apt-get, quietly.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=netns-lib.sh
source "$HERE/netns-lib.sh"
WL_LOG_TAG=gen-capture
WL_NS_PREFIX=wlbench

OUT=${1:-$HERE/out/bench.pcap}
TARGET=${2:-450000}
GEN_TIMEOUT=${GEN_TIMEOUT:-300}
SMALL_WORKERS=${SMALL_WORKERS:-2}
BULK_WORKERS=${BULK_WORKERS:-1}
BULK_PAUSE=${BULK_PAUSE:-0.05}

[[ $TARGET =~ ^[0-9]+$ && $TARGET -gt 0 ]] || wl_die "TARGET_PACKETS must be a positive integer"
[[ $(id -u) == 0 ]] || wl_die "must run as root (network namespaces and packet capture)"
((TARGET >= 400000)) || wl_log "note: target $TARGET is below the 400000 packets the benchmark expects"

wl_need_tools ip ethtool tcpdump capinfos dnsmasq dig curl ping python3 timeout

mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
WORK=$(mktemp -d /tmp/wl-gen.XXXXXX)
TMP_OUT="$OUT.partial.$$"

cleanup() {
  local rc=$?
  set +e
  wl_netns_down
  rm -rf "$WORK"
  rm -f "$TMP_OUT"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start=$(date +%s.%N)

# --- content served over HTTP: assorted sizes, random (incompressible) bytes ---------------
mkdir -p "$WORK/www"
for spec in 300:tiny 1500:1k 4000:4k 16000:16k 65000:64k 250000:256k 1000000:1m 4000000:4m; do
  head -c "${spec%%:*}" /dev/urandom >"$WORK/www/${spec##*:}.bin"
done
printf '<html><body>wirelens benchmark</body></html>\n' >"$WORK/www/index.html"
# Small objects (connection-heavy: handshake, request, response, teardown) and bulk downloads.
SMALL_URLS=(index.html tiny.bin tiny.bin 1k.bin 1k.bin 4k.bin 4k.bin 16k.bin missing.html)
BULK_URLS=(64k.bin 64k.bin 256k.bin 256k.bin 1m.bin 1m.bin 4m.bin)

# --- DNS query batches for dig -f (A, AAAA, CNAME, MX, TXT, SRV, PTR, NXDOMAIN, some TCP) --
{
  for i in $(seq 40); do
    echo "www.wl.test A"
    echo "www.wl.test AAAA"
    echo "files.wl.test A"
    echo "web.wl.test A"
    echo "wl.test MX"
    echo "wl.test TXT"
    echo "_http._tcp.wl.test SRV"
    echo "-x $WL_B_IP"
    echo "host$i.wl.test A"
    ((i % 8 == 0)) && echo "www.wl.test A +tcp"
    ((i % 10 == 0)) && echo "client.wl.test AAAA +tcp"
  done
} >"$WORK/dns-queries.txt"

# --- namespaces and servers ------------------------------------------------------------------
wl_netns_up
wl_start_http "$WORK/www"
wl_start_dns
wl_log "namespaces up: client $WL_NS_A $WL_A_IP/$WL_A_IP6 <-> server $WL_NS_B $WL_B_IP/$WL_B_IP6"

# --- capture ---------------------------------------------------------------------------------
wl_flush_neigh
TCPDUMP_LOG=$WORK/tcpdump.log
timeout --signal=INT "$GEN_TIMEOUT" ip netns exec "$WL_NS_A" \
  tcpdump -i "$WL_A_IF" -s 0 -B 65536 -n -Z root -c "$TARGET" -w "$TMP_OUT" 2>"$TCPDUMP_LOG" &
TCPDUMP_PID=$!
for _ in $(seq 100); do
  grep -q "listening on" "$TCPDUMP_LOG" 2>/dev/null && break
  kill -0 "$TCPDUMP_PID" 2>/dev/null || { cat "$TCPDUMP_LOG" >&2; wl_die "tcpdump failed to start"; }
  sleep 0.1
done
grep -q "listening on" "$TCPDUMP_LOG" || wl_die "tcpdump did not start listening"
wl_log "capturing $TARGET packets on $WL_A_IF into $OUT (timeout ${GEN_TIMEOUT}s)"

# --- traffic generators, all inside the client namespace (killed with it) ---------------------
B=$WL_B_IP
# HTTP, small objects: batches of 32 random URLs per curl; half the batches reuse one keep-alive
# connection, half send "Connection: close" (a new TCP connection per object).
for _ in $(seq "$SMALL_WORKERS"); do
  wl_in_a bash -c '
    B=$1; shift; URLS=("$@"); n=${#URLS[@]}; RANDOM=$$
    while :; do
      args=()
      for _ in $(seq 32); do args+=(-o /dev/null "http://$B/${URLS[RANDOM % n]}"); done
      if ((RANDOM % 2)); then hdr=(-H "Connection: close"); else hdr=(); fi
      curl -s --max-time 20 "${hdr[@]}" "${args[@]}" || sleep 0.1
    done' _ "$B" "${SMALL_URLS[@]}" >/dev/null 2>&1 &
done
# HTTP, bulk: one download of 64 KB .. 4 MB per connection, with a pause between them.
for _ in $(seq "$BULK_WORKERS"); do
  wl_in_a bash -c '
    B=$1 PAUSE=$2; shift 2; URLS=("$@"); n=${#URLS[@]}; RANDOM=$$
    while :; do
      curl -s -o /dev/null --max-time 20 "http://$B/${URLS[RANDOM % n]}" || sleep 0.1
      sleep "$PAUSE"
    done' _ "$B" "$BULK_PAUSE" "${BULK_URLS[@]}" >/dev/null 2>&1 &
done
# DNS: batches of ~370 queries with dig, a short pause between batches.
wl_in_a bash -c 'while :; do dig @"$1" +tries=1 +time=1 -f "$2" >/dev/null 2>&1 || sleep 0.2; sleep 1.5; done' \
  _ "$B" "$WORK/dns-queries.txt" >/dev/null 2>&1 &
# ICMP echo to the server address: small, MTU-sized, fragmented (4000 bytes), and IPv6.
wl_in_a ping -q -i 0.01 "$B" >/dev/null 2>&1 &
wl_in_a ping -q -i 0.05 -s 1400 "$B" >/dev/null 2>&1 &
wl_in_a ping -q -i 0.2 -s 4000 "$B" >/dev/null 2>&1 &
wl_in_a ping -6 -q -i 0.05 "$WL_B_IP6" >/dev/null 2>&1 &
# Refused connections: SYN to closed TCP ports -> RST,ACK (IPv4 and some IPv6); now and then a
# UDP datagram to a closed port -> ICMP port unreachable (rate-limited by the kernel).
wl_in_a "$WL_PY" -c '
import random, socket, sys, time
b4, b6 = sys.argv[1], sys.argv[2]
i = 0
while True:
    i += 1
    port = random.randint(1024, 60000)
    fam, addr = (socket.AF_INET6, b6) if i % 10 == 0 else (socket.AF_INET, b4)
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.settimeout(1)
    s.connect_ex((addr, port))
    s.close()
    if i % 25 == 0:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.sendto(b"wirelens", (b4, port))
        u.close()
    time.sleep(0.005)
' "$B" "$WL_B_IP6" >/dev/null 2>&1 &

# --- wait for the capture to finish ----------------------------------------------------------
tick=0
while kill -0 "$TCPDUMP_PID" 2>/dev/null; do
  sleep 1
  ((++tick % 10 == 0)) || continue
  kill -0 "$TCPDUMP_PID" 2>/dev/null || break
  wl_log "${tick}s of capture, file $(du -h "$TMP_OUT" 2>/dev/null | cut -f1)"
done
set +e
wait "$TCPDUMP_PID"
tcpdump_rc=$?
set -e
# Stop the generators before reading the file.
wl_netns_down
grep -E "captured|received|dropped" "$TCPDUMP_LOG" | sed 's/^/  tcpdump: /' >&2 || true
[[ -s $TMP_OUT ]] || { cat "$TCPDUMP_LOG" >&2; wl_die "no capture written (tcpdump exit $tcpdump_rc)"; }

count=$(capinfos -T -r -c "$TMP_OUT" | awk -F'\t' '{print $2}')
if [[ $count != "$TARGET" ]]; then
  wl_die "capture has $count packets, wanted $TARGET (timeout ${GEN_TIMEOUT}s reached? tcpdump exit $tcpdump_rc)"
fi
dropped=$(awk '/dropped by kernel/{print $1}' "$TCPDUMP_LOG")
[[ ${dropped:-0} == 0 ]] || wl_log "warning: $dropped packets dropped by kernel during capture"
mv -f "$TMP_OUT" "$OUT"

end=$(date +%s.%N)
secs=$(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", e-s}')
bytes=$(stat -c %s "$OUT")
echo "capture:    $OUT"
echo "packets:    $count"
echo "file size:  $bytes bytes ($(awk -v b="$bytes" 'BEGIN{printf "%.1f MiB", b/1048576}'))"
echo "generated:  in ${secs}s"
echo "addresses:  client $WL_A_IP / $WL_A_IP6, server $WL_B_IP / $WL_B_IP6 (HTTP :80, DNS :53, ICMP echo)"
capinfos -M -c -d -u -y -i "$OUT" | sed 1d
