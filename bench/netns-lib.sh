# shellcheck shell=bash
# Helpers shared by bench/gen-capture.sh and samples/make-sample.sh (sourced, not run).
#
# Two network namespaces joined by one veth pair; all traffic stays between them:
#   namespace "a" (client): veth "wla", 02:77:00:00:00:01, 10.77.0.1/24, fd77::1/64
#   namespace "b" (server): veth "wlb", 02:77:00:00:00:02, 10.77.0.2/24, fd77::2/64
# 10.77.0.0/24 and fd77::/64 exist only inside these namespaces: the root namespace has no
# route to them, and nothing here ever addresses anything else.

WL_A_IP=10.77.0.1
WL_B_IP=10.77.0.2
WL_A_IP6=fd77::1
WL_B_IP6=fd77::2
WL_A_IF=wla
WL_B_IF=wlb
# Fixed, locally administered MACs: the link-local IPv6 addresses (EUI-64) are fixed too.
WL_A_MAC=02:77:00:00:00:01
WL_B_MAC=02:77:00:00:00:02
WL_NS_PREFIX=${WL_NS_PREFIX:-wlns}
WL_NS_A=""
WL_NS_B=""

wl_log() { printf '[%s] %s\n' "${WL_LOG_TAG:-wirelens}" "$*" >&2; }
wl_die() { wl_log "error: $*"; exit 1; }

# Python without the pyenv shim overhead when the system one is there.
if [[ -x /usr/bin/python3 ]]; then WL_PY=/usr/bin/python3; else WL_PY=python3; fi

# wl_need_tools CMD... — installs the Debian packages providing missing commands, quietly.
wl_need_tools() {
  local -A pkg_of=(
    [ip]=iproute2 [ethtool]=ethtool [tcpdump]=tcpdump [dumpcap]=wireshark-common
    [capinfos]=wireshark-common [editcap]=wireshark-common [tshark]=tshark
    [dnsmasq]=dnsmasq-base [dig]=bind9-dnsutils [curl]=curl [ping]=iputils-ping
    [python3]=python3 [time]=time [timeout]=coreutils
  )
  local c p missing=()
  for c in "$@"; do
    if [[ $c == time ]]; then [[ -x /usr/bin/time ]] && continue
    else command -v "$c" >/dev/null 2>&1 && continue; fi
    p=${pkg_of[$c]:-$c}
    [[ " ${missing[*]} " == *" $p "* ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) == 0 ]] || wl_die "missing packages (${missing[*]}) and not root to install them"
  wl_log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # tshark asks whether non-root users may capture; answer no without a prompt.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
      || wl_die "apt-get install ${missing[*]} failed"
  fi
}

# Deletes namespaces left by earlier runs of ours whose process is gone (e.g. after kill -9).
wl_reap_stale() {
  local ns pid
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}'); do
    [[ $ns =~ ^${WL_NS_PREFIX}-[ab]-([0-9]+)$ ]] || continue
    pid=${BASH_REMATCH[1]}
    kill -0 "$pid" 2>/dev/null && continue
    wl_kill_ns "$ns"
    ip netns del "$ns" 2>/dev/null || true
  done
}

# Kills every process running inside namespace $1 (they are all ours), by pid.
wl_kill_ns() {
  local ns=$1 pids
  pids=$(ip netns pids "$ns" 2>/dev/null || true)
  [[ -n $pids ]] || return 0
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [[ -z $pids ]] && return 0
    sleep 0.1
  done
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
}

wl_netns_down() {
  local ns
  for ns in "$WL_NS_A" "$WL_NS_B"; do
    [[ -n $ns ]] || continue
    wl_kill_ns "$ns"
    ip netns del "$ns" 2>/dev/null || true
  done
}

# Creates the pair (names carry our pid so parallel runs don't collide).
wl_netns_up() {
  local ns ifc ip4 ip6
  wl_reap_stale
  WL_NS_A="${WL_NS_PREFIX}-a-$$"
  WL_NS_B="${WL_NS_PREFIX}-b-$$"
  ip netns add "$WL_NS_A"
  ip netns add "$WL_NS_B"
  # No router solicitations (set before the veth exists, so it inherits "default"): the only
  # IPv6 traffic is what we send, plus the kernel's MLD reports when the links come up.
  for ns in "$WL_NS_A" "$WL_NS_B"; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.router_solicitations=0 \
      net.ipv6.conf.default.router_solicitations=0 >/dev/null 2>&1 || true
  done
  # Create the veth ends directly inside the namespaces: nothing appears in the root namespace.
  ip link add "$WL_A_IF" netns "$WL_NS_A" address "$WL_A_MAC" mtu 1500 \
    type veth peer name "$WL_B_IF" netns "$WL_NS_B" address "$WL_B_MAC" mtu 1500
  for ns in A B; do
    if [[ $ns == A ]]; then ns=$WL_NS_A ifc=$WL_A_IF ip4=$WL_A_IP ip6=$WL_A_IP6
    else ns=$WL_NS_B ifc=$WL_B_IF ip4=$WL_B_IP ip6=$WL_B_IP6; fi
    ip -n "$ns" link set lo up
    # Real-sized frames: no segmentation/receive offloads, checksums computed in software.
    ip netns exec "$ns" ethtool -K "$ifc" tso off gso off gro off tx off >/dev/null 2>&1 \
      || ip netns exec "$ns" ethtool -K "$ifc" tso off gso off gro off >/dev/null 2>&1 || true
    if ip netns exec "$ns" ethtool -k "$ifc" 2>/dev/null | grep -qE \
      '^(tcp-segmentation-offload|generic-segmentation-offload|generic-receive-offload): on'; then
      wl_die "could not turn off TSO/GSO/GRO on $ifc (ethtool -K)"
    fi
    ip -n "$ns" addr add "$ip4/24" dev "$ifc"
    ip -n "$ns" -6 addr add "$ip6/64" dev "$ifc" nodad
    ip -n "$ns" link set "$ifc" up
  done
  # Wait for the link and for the IPv6 link-local addresses to leave "tentative".
  for _ in $(seq 50); do
    if ip netns exec "$WL_NS_A" ping -c1 -W1 -q "$WL_B_IP" >/dev/null 2>&1 \
      && ! ip -n "$WL_NS_A" -6 addr show tentative | grep -q inet6 \
      && ! ip -n "$WL_NS_B" -6 addr show tentative | grep -q inet6; then
      return 0
    fi
    sleep 0.1
  done
  wl_die "namespaces did not come up"
}

# Runs a command inside namespace a / b.
wl_in_a() { ip netns exec "$WL_NS_A" "$@"; }
wl_in_b() { ip netns exec "$WL_NS_B" "$@"; }

# Forget learned MAC addresses so the next exchange starts with ARP / neighbor discovery.
wl_flush_neigh() {
  ip -n "$WL_NS_A" neigh flush dev "$WL_A_IF" 2>/dev/null || true
  ip -n "$WL_NS_B" neigh flush dev "$WL_B_IF" 2>/dev/null || true
}

# An HTTP/1.1 file server (keep-alive) for directory $1 on $WL_B_IP:80 in namespace b.
wl_start_http() {
  local dir=$1
  wl_in_b "$WL_PY" -c '
import http.server, sys, functools
class H(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def version_string(self): return "wirelens-test/1.0"
    def log_message(self, *a): pass
class S(http.server.ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True
S((sys.argv[1], 80), functools.partial(H, directory=sys.argv[2])).serve_forever()
' "$WL_B_IP" "$dir" >/dev/null 2>&1 &
  for _ in $(seq 100); do
    wl_in_a curl -s -o /dev/null --max-time 1 "http://$WL_B_IP/" && return 0
    sleep 0.1
  done
  wl_die "HTTP server did not start"
}

# dnsmasq as the authoritative-ish server for "wl.test" on $WL_B_IP:53 in namespace b.
wl_start_dns() {
  wl_in_b dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
    --no-poll --user=root --group=root --pid-file= --bind-interfaces \
    --listen-address="$WL_B_IP" --listen-address="$WL_B_IP6" --port=53 \
    --local=/wl.test/ --domain=wl.test --cache-size=0 --dns-forward-max=1000 \
    --host-record=www.wl.test,"$WL_B_IP","$WL_B_IP6" \
    --host-record=files.wl.test,"$WL_B_IP","$WL_B_IP6" \
    --host-record=client.wl.test,"$WL_A_IP","$WL_A_IP6" \
    --cname=web.wl.test,www.wl.test \
    --mx-host=wl.test,mail.wl.test,10 \
    --host-record=mail.wl.test,"$WL_B_IP" \
    --txt-record=wl.test,"wirelens benchmark zone" \
    --srv-host=_http._tcp.wl.test,www.wl.test,80,0,10 \
    >/dev/null 2>&1 &
  for _ in $(seq 100); do
    wl_in_a dig +short +tries=1 +time=1 @"$WL_B_IP" www.wl.test A 2>/dev/null | grep -q . && return 0
    sleep 0.1
  done
  wl_die "dnsmasq did not start"
}
