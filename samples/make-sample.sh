#!/usr/bin/env bash
# Remakes samples/sample.pcapng: a small capture of real traffic between two network
# namespaces joined by a veth pair (see bench/netns-lib.sh), nanosecond timestamps, pcapng.
#
#   samples/make-sample.sh [OUT.pcapng]      (default: samples/sample.pcapng; run as root)
#
# Contents, in order: ARP + 3 ICMP echo request/reply, DNS A, AAAA and NXDOMAIN query/answer,
# one HTTP/1.1 download over TCP (handshake, request, response in several segments, FIN
# teardown), one refused connection (SYN -> RST,ACK), and IPv6: neighbor discovery + 3 ICMPv6
# echo to fd77::2, a DNS query over IPv6, and 2 echoes between link-local addresses.
# Client namespace a = 10.77.0.1 / fd77::1, server namespace b = 10.77.0.2 / fd77::2.
# Timestamps, MAC addresses, ports, sequence numbers and DNS ids differ on every run.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../bench/netns-lib.sh
source "$HERE/../bench/netns-lib.sh"
WL_LOG_TAG=make-sample
WL_NS_PREFIX=wlsample

OUT=${1:-$HERE/sample.pcapng}
[[ $(id -u) == 0 ]] || wl_die "must run as root (network namespaces and packet capture)"
wl_need_tools ip ethtool tcpdump editcap capinfos tshark dnsmasq dig curl ping python3

mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
WORK=$(mktemp -d /tmp/wl-sample.XXXXXX)

cleanup() {
  local rc=$?
  set +e
  wl_netns_down
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The downloaded file: deterministic text, ~12 KB, so the response spans several segments.
mkdir -p "$WORK/www"
for i in $(seq 1 160); do
  printf 'line %03d: wirelens sample file, served over HTTP/1.1 between two namespaces\n' "$i"
done >"$WORK/www/hello.txt"

wl_netns_up
wl_start_http "$WORK/www"
wl_start_dns
# Let the kernel's MLD reports from bringing the links up pass before capturing.
sleep 2

# One capture attempt into $WORK/raw.pcap.
capture_once() {
  # Forget MAC addresses so each attempt starts with ARP / neighbor discovery.
  wl_flush_neigh
  ip -n "$WL_NS_A" -6 neigh flush dev "$WL_A_IF" 2>/dev/null || true
  ip -n "$WL_NS_B" -6 neigh flush dev "$WL_B_IF" 2>/dev/null || true
  local log=$WORK/tcpdump.log pid B=$WL_B_IP b_ll
  b_ll=$(ip -n "$WL_NS_B" -6 -o addr show dev "$WL_B_IF" scope link | awk '{print $4}' | cut -d/ -f1)
  rm -f "$WORK/raw.pcap"
  # --immediate-mode: every packet is written before tcpdump is stopped.
  ip netns exec "$WL_NS_A" tcpdump -i "$WL_A_IF" -s 0 -n -Z root --immediate-mode \
    --time-stamp-precision=nano -w "$WORK/raw.pcap" 2>"$log" &
  pid=$!
  for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.05; done
  grep -q "listening on" "$log" || { cat "$log" >&2; wl_die "tcpdump did not start"; }
  sleep 0.3
  {
    wl_in_a ping -c 3 -i 0.2 -q "$B"                                   # ARP + ICMP echo
    sleep 0.3
    wl_in_a dig @"$B" +tries=1 +time=2 www.wl.test A                   # DNS A
    sleep 0.1
    wl_in_a dig @"$B" +tries=1 +time=2 www.wl.test AAAA                # DNS AAAA
    sleep 0.1
    wl_in_a dig @"$B" +tries=1 +time=2 nosuch.wl.test A                # DNS NXDOMAIN
    sleep 0.3
    wl_in_a curl -s -o /dev/null --max-time 5 "http://$B/hello.txt"    # HTTP/1.1 download
    sleep 0.3
    wl_in_a curl -s -o /dev/null --max-time 5 "http://$B:8080/"        # refused: SYN -> RST
    sleep 0.3
    wl_in_a ping -6 -c 3 -i 0.2 -q "$WL_B_IP6"                          # NDP + ICMPv6 echo
    sleep 0.3
    wl_in_a dig @"$WL_B_IP6" +tries=1 +time=2 www.wl.test AAAA         # DNS over IPv6
    sleep 0.3
    wl_in_a ping -6 -c 2 -i 0.2 -q "$b_ll%$WL_A_IF"                     # link-local echo
    sleep 0.5
  } >/dev/null 2>&1 || true
  kill -INT "$pid"
  wait "$pid" || true
}

# Checks that every exchange made it into the capture (tcpdump may miss the last packets
# when stopped, a step can time out on a loaded machine): prints what is missing.
check_sample() {
  local f=$1 lines
  lines=$(tshark -n -r "$f" -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null)
  local -a want=(
    "2|^ARP"
    "3|^ICMP.Echo \\(ping\\) request"  "3|^ICMP.Echo \\(ping\\) reply"
    "1|^DNS.Standard query response .* A www.wl.test A 10.77.0.2"
    "2|^DNS.Standard query response .* AAAA www.wl.test AAAA fd77::2"
    "1|^DNS.Standard query response .* No such name"
    "1|→ 80 \\[SYN\\] .*MSS=.*SACK_PERM.*TSval=.*WS="  "1|^TCP.80 → .*\\[SYN, ACK\\]"
    "1|→ 8080 \\[SYN\\]"
    "1|^HTTP.GET /hello.txt HTTP/1.1"  "1|^HTTP.HTTP/1.1 200 OK"
    "2|\\[FIN, ACK\\]"  "1|\\[RST, ACK\\]"
    "2|Neighbor Solicitation"  "2|Neighbor Advertisement"
    "5|^ICMPv6.Echo \\(ping\\) request"  "5|^ICMPv6.Echo \\(ping\\) reply"
  )
  local w n re bad=0
  for w in "${want[@]}"; do
    n=${w%%|*} re=${w#*|}
    if [[ $(grep -cE "$re" <<<"$lines") != "$n" ]]; then
      wl_log "check: expected $n packet(s) matching /$re/, got $(grep -cE "$re" <<<"$lines")"
      bad=1
    fi
  done
  return $bad
}

ok=0
for attempt in 1 2 3; do
  capture_once
  if check_sample "$WORK/raw.pcap"; then ok=1; break; fi
  wl_log "attempt $attempt incomplete, retrying"
done
wl_netns_down
((ok)) || wl_die "could not capture a complete sample in 3 attempts"

editcap -F pcapng --capture-comment \
  "wirelens sample: real traffic between two network namespaces (client 10.77.0.1/fd77::1, server 10.77.0.2/fd77::2); made by samples/make-sample.sh" \
  "$WORK/raw.pcap" "$OUT"
count=$(capinfos -T -r -c "$OUT" | awk -F'\t' '{print $2}')
echo "sample:  $OUT"
echo "packets: $count"
echo "size:    $(stat -c %s "$OUT") bytes"
((count > 0 && count <= 200)) || wl_die "unexpected packet count $count"
