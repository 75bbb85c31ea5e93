// Table-driven tests of the display-filter engine against real captures: (filter, capture, count)
// with the counts recorded from tshark 4.0.17 (`tshark -n -r F -Y filter | wc -l`), and tshark's
// exact error messages with the span it underlines. Rows whose fields are not registered yet
// (dissectors still being written) are skipped, not failed. Rows with a 4th column use syntax newer
// than tshark 4.0 (Wireshark 4.2–4.4): their count was recorded from the equivalent 4.0 filter in
// that column, i.e. the expected result is written by hand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../dissectors/index.js';
import { Engine } from '../core/dissect.js';
import { fieldByName } from '../core/field.js';
import { readCaptureLite } from '../test-support/capture-lite.js';
import type { FrameRecord } from '../capture/types.js';
import { compileFilter, formatFilterError } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const CAPTURES = [join(here, '../../../shared/captures'), join(here, '../../shared/captures')].find((d) => existsSync(d));

/** [filter, capture, expected count (tshark 4.0.17), equivalent 4.0 filter for newer syntax] */
const COUNTS: ReadonlyArray<readonly [string, string, number, string?]> = [
  ["tcp", "zeek/http/get.pcap", 14],
  ["icmp", "zeek/icmp/5-pings.pcap", 10],
  ["udp", "zeek/wikipedia.pcap", 48],
  ["tcp.options.mss_val", "zeek/http/get.pcap", 2],
  ["ip.addr == 141.142.228.5", "zeek/http/get.pcap", 14],
  ["ip.src == 141.142.228.5", "zeek/http/get.pcap", 7],
  ["ip.dst != 141.142.228.5", "zeek/http/get.pcap", 7],
  ["ip.addr != 141.142.228.5", "zeek/http/get.pcap", 0],
  ["ip.addr ~= 141.142.228.5", "zeek/http/get.pcap", 14],
  ["ip.addr === 141.142.228.5", "zeek/http/get.pcap", 0],
  ["ip.addr !== 141.142.228.5", "zeek/http/get.pcap", 14],
  ["ip.addr all_eq 141.142.228.5", "zeek/http/get.pcap", 0],
  ["ip.addr any_ne 141.142.228.5", "zeek/http/get.pcap", 14],
  ["ip.src eq 141.142.228.5", "zeek/http/get.pcap", 7],
  ["ip.src ne 141.142.228.5", "zeek/http/get.pcap", 7],
  ["tcp.len gt 0", "zeek/http/get.pcap", 5],
  ["tcp.len ge 136", "zeek/http/get.pcap", 5],
  ["tcp.len lt 1", "zeek/http/get.pcap", 9],
  ["tcp.len le 136", "zeek/http/get.pcap", 10],
  ["tcp.len > 1000", "zeek/http/get.pcap", 3],
  ["tcp.len >= 1448", "zeek/http/get.pcap", 3],
  ["tcp.len < 100 && tcp.len > 0", "zeek/http/get.pcap", 0],
  ["tcp.window_size_value <= 1000", "zeek/http/get.pcap", 6],
  ["frame.len > 100 or icmp", "zeek/wikipedia.pcap", 46],
  ["frame.len > 100 || udp", "zeek/wikipedia.pcap", 78],
  ["tcp and not ip.src == 141.142.228.5", "zeek/http/get.pcap", 7],
  ["!tcp.flags.ack", "zeek/http/get.pcap", 0],
  ["not udp", "zeek/wikipedia.pcap", 88],
  ["tcp.port == 80 or tcp.port == 81 and udp", "zeek/http/get.pcap", 14],
  ["(tcp.port == 80 or tcp.port == 81) and udp", "zeek/http/get.pcap", 0],
  ["tcp.flags.syn == 1 and tcp.flags.ack == 1", "zeek/http/get.pcap", 1],
  ["tcp.flags.syn == True", "zeek/http/get.pcap", 2],
  ["tcp.flags.syn == False", "zeek/http/get.pcap", 12],
  ["tcp.flags.syn == 2", "zeek/http/get.pcap", 2],
  ["tcp.flags.fin == 0", "zeek/http/get.pcap", 12],
  ["tcp.flags & 0x02", "zeek/http/get.pcap", 2],
  ["tcp.flags & 0x11 == 0x11", "zeek/http/get.pcap", 2],
  ["ip.proto == \"TCP\"", "zeek/wikipedia.pcap", 78],
  ["ip.proto == \"udp\"", "zeek/wikipedia.pcap", 43],
  ["ip.proto == UDP", "zeek/wikipedia.pcap", 43],
  ["ip.proto == 17", "zeek/wikipedia.pcap", 43],
  ["ip.proto == 0x11", "zeek/wikipedia.pcap", 43],
  ["ip.proto == 021", "zeek/wikipedia.pcap", 43],
  ["ip.proto == 0b10001", "zeek/wikipedia.pcap", 43],
  ["eth.type == ARP", "zeek/arp-who-has.pcap", 2],
  ["eth.type == 0x0806", "zeek/arp-who-has.pcap", 2],
  ["tcp.srcport == 'P'", "zeek/http/get.pcap", 7],
  ["tcp.srcport == '\\x50'", "zeek/http/get.pcap", 7],
  ["tcp.port in {80, 443}", "zeek/wikipedia.pcap", 78],
  ["tcp.port in {80,443}", "zeek/wikipedia.pcap", 78],
  ["tcp.port in {1000..60000}", "zeek/wikipedia.pcap", 78],
  ["tcp.srcport in {80, 1000..50000}", "zeek/wikipedia.pcap", 72],
  ["tcp.port not in {80}", "zeek/wikipedia.pcap", 58],
  ["udp.port in {53}", "zeek/wikipedia.pcap", 28],
  ["ip.addr in {141.142.228.5, 10.0.0.1}", "zeek/http/get.pcap", 14],
  ["ip.addr in {192.150.187.0/24}", "zeek/http/get.pcap", 14],
  ["ip.dst in {141.142.228.0..141.142.228.10}", "zeek/http/get.pcap", 7],
  ["frame.len in {60..70, 1514}", "zeek/http/get.pcap", 10],
  ["all tcp.port == 80", "zeek/http/get.pcap", 0],
  ["any tcp.port == 80", "zeek/http/get.pcap", 14],
  ["any ip.addr != 141.142.228.5", "zeek/http/get.pcap", 14],
  ["all ip.addr != 1.2.3.4", "zeek/http/get.pcap", 14],
  ["ip.dst == 192.150.187.0/24", "zeek/http/get.pcap", 7],
  ["ip.addr == 141.142.0.0/16", "zeek/http/get.pcap", 14],
  ["ip.src == 141.142.228.5/32 and tcp.flags.syn == 1", "zeek/http/get.pcap", 1],
  ["ip.addr != 192.150.187.0/24", "zeek/http/get.pcap", 0],
  ["ip.addr == 0.0.0.0/0", "zeek/http/get.pcap", 14],
  ["ipv6.addr == fe80::/10", "zeek/icmp/icmp6-ping.pcap", 0],
  ["ipv6.src == ::/0", "zeek/icmp/icmp6-ping.pcap", 8],
  ["ipv6", "zeek/icmp/icmp6-ping.pcap", 8],
  ["icmpv6.type == 128", "zeek/icmp/icmp6-ping.pcap", 4],
  ["eth.dst == ff:ff:ff:ff:ff:ff", "zeek/arp-who-has.pcap", 1],
  ["eth.dst == ff-ff-ff-ff-ff-ff", "zeek/arp-who-has.pcap", 1],
  ["eth.dst == ffff.ffff.ffff", "zeek/arp-who-has.pcap", 1],
  ["eth.dst == ffffffffffff", "zeek/arp-who-has.pcap", 1],
  ["eth.addr == 78:31:c1:c6:3f:c2", "zeek/arp-who-has.pcap", 2],
  ["eth.addr == eth.dst", "zeek/arp-who-has.pcap", 2],
  ["eth.src == eth.dst", "zeek/arp-who-has.pcap", 0],
  ["eth.src[0:3] == 78:31:c1", "zeek/arp-who-has.pcap", 1],
  ["eth.src[1-2] == 31:c1", "zeek/arp-who-has.pcap", 1],
  ["eth.src[-1] == c2", "zeek/arp-who-has.pcap", 1],
  ["eth.src[-2:] == 3f:c2", "zeek/arp-who-has.pcap", 1],
  ["eth.src[-2:1] == 3f", "zeek/arp-who-has.pcap", 1],
  ["eth.src[:2] == 78:31", "zeek/arp-who-has.pcap", 1],
  ["eth.src[4:] == 3f:c2", "zeek/arp-who-has.pcap", 1],
  ["eth.src[0:2,4] == 78:31:3f", "zeek/arp-who-has.pcap", 1],
  ["eth.src[0] == 78", "zeek/arp-who-has.pcap", 1],
  ["eth.src[0] == 0x78", "zeek/arp-who-has.pcap", 1],
  ["eth.src[0:2] == 7831", "zeek/arp-who-has.pcap", 1],
  ["eth.src[0:2] == 78.31", "zeek/arp-who-has.pcap", 1],
  ["eth.src[0:2] == 78-31", "zeek/arp-who-has.pcap", 1],
  ["eth.src[0:2] == \"x1\"", "zeek/arp-who-has.pcap", 1],
  ["eth.dst[5:2] == ff", "zeek/arp-who-has.pcap", 0],
  ["eth[0:6] == ff:ff:ff:ff:ff:ff", "zeek/arp-who-has.pcap", 1],
  ["frame[-1] == 00", "zeek/http/get.pcap", 1],
  ["tcp[0:2] == 00:50", "zeek/http/get.pcap", 7],
  ["tcp[13] & 0x02", "zeek/http/get.pcap", 2],
  ["ip.src[0] == 8d", "zeek/http/get.pcap", 7],
  ["ip[9] == 06", "zeek/http/get.pcap", 14],
  ["frame contains \"GET\"", "zeek/http/get.pcap", 1],
  ["tcp contains 47:45:54", "zeek/http/get.pcap", 1],
  ["tcp contains \"GET\"", "zeek/http/get.pcap", 1],
  ["frame contains ff:ff:ff", "zeek/arp-who-has.pcap", 1],
  ["frame matches \"GET\"", "zeek/http/get.pcap", 2],
  ["frame matches \"(?i)get \"", "zeek/http/get.pcap", 1],
  ["frame ~ \"HTTP/1\\\\.1 200\"", "zeek/http/get.pcap", 1],
  ["tcp.payload contains \"GET\"", "zeek/http/get.pcap", 1],
  ["frame contains \"\\x47ET\"", "zeek/http/get.pcap", 1],
  ["frame contains \"\\107ET\"", "zeek/http/get.pcap", 1],
  ["frame matches r\"HTTP/1\\.1\"", "zeek/http/get.pcap", 2],
  ["frame.protocols contains \"arp\"", "zeek/arp-who-has.pcap", 2],
  ["frame.protocols == \"eth:ethertype:arp\"", "zeek/arp-who-has.pcap", 2],
  ["frame.protocols matches \"^eth:ethertype:ip:tcp$\"", "zeek/http/get.pcap", 12],
  ["frame.protocols > \"eth:ethertype:ip:tcp\"", "zeek/http/get.pcap", 2],
  ["frame.len > 50", "zeek/arp-who-has.pcap", 1],
  ["frame.number == 1", "zeek/arp-who-has.pcap", 1],
  ["frame.number >= 3 && frame.number <= 5", "zeek/http/get.pcap", 3],
  ["frame.time_relative >= 0.005", "zeek/arp-who-has.pcap", 1],
  ["frame.time_relative > 0.1", "zeek/http/get.pcap", 10],
  ["frame.time_delta >= 0.005", "zeek/arp-who-has.pcap", 1],
  ["frame.time >= \"Apr 27, 2016 13:46:54.521\"", "zeek/arp-who-has.pcap", 1],
  ["frame.time >= \"2016-04-27 13:46:54.521\"", "zeek/arp-who-has.pcap", 1],
  ["frame.time < \"2016-04-27 13:46:54.521Z\"", "zeek/arp-who-has.pcap", 1],
  ["frame.time == \"2016-04-27 13:46:54.520906\"", "zeek/arp-who-has.pcap", 1],
  ["frame.len == frame.cap_len", "zeek/arp-who-has.pcap", 2],
  ["frame.len > frame.cap_len - 1", "zeek/arp-who-has.pcap", 2],
  ["tcp.srcport + 1 == 81", "zeek/http/get.pcap", 7],
  ["tcp.len * 2 > 100", "zeek/http/get.pcap", 5],
  ["tcp.len > 2 * tcp.srcport", "zeek/http/get.pcap", 4],
  ["tcp.srcport == tcp.dstport - 59776", "zeek/http/get.pcap", 7],
  ["-tcp.len < 0", "zeek/http/get.pcap", 5],
  ["tcp.len / 2 == 68", "zeek/http/get.pcap", 1],
  ["tcp.len % 2 == 1", "zeek/http/get.pcap", 1],
  ["tcp.srcport == {80}", "zeek/http/get.pcap", 7],
  ["tcp.srcport + {1 * 2} == 82", "zeek/http/get.pcap", 7],
  ["tcp.port == -1", "zeek/http/get.pcap", 0],
  ["len(tcp.payload) > 0", "zeek/http/get.pcap", 5],
  ["len(frame) == 42", "zeek/arp-who-has.pcap", 1],
  ["len(eth.src) == 6", "zeek/arp-who-has.pcap", 2],
  ["len(tcp.port) == 2", "zeek/http/get.pcap", 14],
  ["len(frame.protocols) == 17", "zeek/arp-who-has.pcap", 2],
  ["count(ip.addr) == 2", "zeek/http/get.pcap", 14],
  ["count(eth.addr) == 2", "zeek/arp-who-has.pcap", 2],
  ["count(tcp.options.mss_val) == 1", "zeek/http/get.pcap", 2],
  ["count(ip.addr) < 1", "zeek/arp-who-has.pcap", 0],
  ["string(tcp.port) == \"80\"", "zeek/http/get.pcap", 14],
  ["string(frame.len) == \"42\"", "zeek/arp-who-has.pcap", 1],
  ["string(eth.type) == \"2054\"", "zeek/arp-who-has.pcap", 2],
  ["string(eth.src) == \"78:31:c1:c6:3f:c2\"", "zeek/arp-who-has.pcap", 1],
  ["string(ip.src) == \"141.142.228.5\"", "zeek/http/get.pcap", 7],
  ["upper(frame.protocols) contains \"ARP\"", "zeek/arp-who-has.pcap", 2],
  ["lower(frame.protocols) == \"eth:ethertype:arp\"", "zeek/arp-who-has.pcap", 2],
  ["max(tcp.srcport, tcp.dstport) == 59856", "zeek/http/get.pcap", 14],
  ["min(tcp.srcport, tcp.dstport) == 80", "zeek/http/get.pcap", 14],
  ["max(frame.len, frame.cap_len) == 60", "zeek/arp-who-has.pcap", 1],
  ["min(frame.len, 50) == 42", "zeek/arp-who-has.pcap", 1],
  ["abs(frame.len) == 42", "zeek/arp-who-has.pcap", 1],
  ["abs(-tcp.len) == 136", "zeek/http/get.pcap", 1],
  ["ip.addr#1 == 141.142.228.5", "zeek/http/get.pcap", 14],
  ["ip.addr#2 == 141.142.228.5", "zeek/http/get.pcap", 0],
  ["ip#2", "zeek/icmp/icmp-destunreach-udp.pcap", 1],
  ["ip.proto#2 == 17", "zeek/icmp/icmp-destunreach-udp.pcap", 1],
  ["ip.proto#1 == 17", "zeek/icmp/icmp-destunreach-udp.pcap", 0],
  ["ip.proto#[1-2] == 17", "zeek/icmp/icmp-destunreach-udp.pcap", 1],
  ["ip.proto#[1] == 1", "zeek/icmp/icmp-destunreach-udp.pcap", 1],
  ["count(ip.src) == 2", "zeek/icmp/icmp-destunreach-udp.pcap", 1],
  ["udp.srcport == 53 && ip.ttl > 10", "zeek/wikipedia.pcap", 14],
  ["ip.flags.df == 1", "zeek/wikipedia.pcap", 93],
  ["ip.ttl == 64", "zeek/wikipedia.pcap", 61],
  ["ip.len > 1000", "zeek/wikipedia.pcap", 0],
  ["ip.hdr_len == 20", "zeek/wikipedia.pcap", 121],
  ["ip.checksum.status == \"Unverified\"", "zeek/wikipedia.pcap", 121],
  ["udp.length == 44", "zeek/wikipedia.pcap", 2],
  ["ip.id == 0", "zeek/wikipedia.pcap", 10],
  ["icmp.type == 8", "zeek/icmp/5-pings.pcap", 5],
  ["icmp.type == 0 and icmp.code == 0", "zeek/icmp/5-pings.pcap", 5],
  ["icmp.seq > 2", "zeek/icmp/5-pings.pcap", 6],
  ["arp.opcode == 1", "zeek/arp-who-has.pcap", 1],
  ["arp.src.proto_ipv4 == 10.0.0.2", "zeek/arp-who-has.pcap", 1],
  ["arp.dst.proto_ipv4 == 10.0.0.0/24", "zeek/arp-who-has.pcap", 2],
  ["arp.opcode != 5", "zeek/arp-who-has.pcap", 2],
  ["ip.addr != 1.2.3.4", "zeek/arp-who-has.pcap", 0],
  ["!(ip.addr == 1.2.3.4)", "zeek/arp-who-has.pcap", 2],
  ["ip.addr not in {1.2.3.4}", "zeek/arp-who-has.pcap", 2],
  ["ipv6.src == fe80::1", "arkime/v6.pcap", 0],
  ["ipv6.addr == ::1", "arkime/v6.pcap", 0],
  ["ipv6.nxt == 6", "arkime/v6.pcap", 62],
  ["ipv6.src[0:2] == fe:80", "zeek/icmp/icmp6-ping.pcap", 0],
  ["ipv6.plen > 20", "arkime/v6.pcap", 132],
  ["tcp.port == 22 and ipv6", "arkime/v6.pcap", 62],
  ["tcp.flags.syn == 1 or udp.port == 53", "arkime/v6.pcap", 39],
  ["tcp xor udp", "zeek/wikipedia.pcap", 126, "(tcp and not udp) or (udp and not tcp)"],
  ["tcp ^^ ip", "zeek/wikipedia.pcap", 43, "(tcp and not ip) or (ip and not tcp)"],
  ["tcp AND ip", "zeek/wikipedia.pcap", 78, "tcp and ip"],
  ["tcp.port == 80 Or udp", "zeek/wikipedia.pcap", 126, "tcp.port == 80 or udp"],
  ["tcp.port == 80 OR udp", "zeek/wikipedia.pcap", 126, "tcp.port == 80 or udp"],
  ["NOT tcp", "zeek/wikipedia.pcap", 58, "not tcp"],
  ["6 == ip.proto", "zeek/wikipedia.pcap", 78, "ip.proto == 6"],
  ["1000 < tcp.len", "zeek/http/get.pcap", 3, "tcp.len > 1000"],
  ["\"GET\" == http.request.method", "zeek/http/get.pcap", 1, "http.request.method == \"GET\""],
  ["tcp.port in {80 443}", "zeek/wikipedia.pcap", 78, "tcp.port in {80, 443}"],
  ["tcp.port in {80 443} and tcp.len > 1000", "zeek/wikipedia.pcap", 0, "tcp.port in {80, 443} and tcp.len > 1000"],
  ["ip.addr in {141.142.228.5 10.0.0.1}", "zeek/http/get.pcap", 14, "ip.addr in {141.142.228.5, 10.0.0.1}"],
  ["frame.number in {1 3..5}", "zeek/http/get.pcap", 4, "frame.number in {1, 3..5}"],
  ["len(tcp.payload)", "zeek/http/get.pcap", 5, "len(tcp.payload) > 0"],
  ["len(eth.src[0:3]) == 3", "zeek/arp-who-has.pcap", 2, "eth"],
  ["float(tcp.len) > 1000.5", "zeek/http/get.pcap", 3, "tcp.len > 1000"],
  ["double(frame.len) == 42.0", "zeek/arp-who-has.pcap", 1, "frame.len == 42"],
  ["frame.time >= 1461764814.521", "zeek/arp-who-has.pcap", 1, "frame.time >= \"2016-04-27 13:46:54.521\""],
  ["frame.time >= \"1461764814.521\"", "zeek/arp-who-has.pcap", 1, "frame.time >= \"2016-04-27 13:46:54.521\""],
  ["frame.time >= \"2016-04-27 13:46:54.521 UTC\"", "zeek/arp-who-has.pcap", 1, "frame.time >= \"2016-04-27 13:46:54.521\""],
  ["frame.time >= \"2016-04-27 15:46:54.521+02:00\"", "zeek/arp-who-has.pcap", 1, "frame.time >= \"2016-04-27 13:46:54.521\""],
  ["frame contains \"\\u0047ET\"", "zeek/http/get.pcap", 1, "frame contains \"GET\""],
  ["frame contains \"\\U00000047ET\"", "zeek/http/get.pcap", 1, "frame contains \"GET\""],
  ["@tcp.srcport == 00:50", "zeek/http/get.pcap", 7, "tcp.srcport == 80"],
  ["@ip.src == 8d:8e:e4:05", "zeek/http/get.pcap", 7, "ip.src == 141.142.228.5"],
  ["_ws.col.protocol == \"TCP\"", "zeek/http/get.pcap", 12, "!http"],
  ["_ws.col.info contains \"GET\"", "zeek/http/get.pcap", 1, "http.request"],
  ["_ws.col.def_src == \"141.142.228.5\"", "zeek/http/get.pcap", 7, "ip.src == 141.142.228.5"],
  ["vals(ip.proto) == \"UDP\"", "zeek/wikipedia.pcap", 43, "ip.proto == 17"],
  ["dec(tcp.srcport) == \"80\"", "zeek/http/get.pcap", 7, "tcp.srcport == 80"],
  ["hex(eth.type) == \"0x0806\"", "zeek/arp-who-has.pcap", 2, "eth.type == 0x0806"],
  ["ip_rfc1918(ip.src)", "zeek/wikipedia.pcap", 0, "ip.src == 10.0.0.0/8 or ip.src == 172.16.0.0/12 or ip.src == 192.168.0.0/16"],
  ["ip_multicast(ip.dst)", "zeek/wikipedia.pcap", 7, "ip.dst == 224.0.0.0/4"],
  ["ip_linklocal(ipv6.src)", "zeek/icmp/icmp6-ping.pcap", 0, "ipv6.src == fe80::/10"],
  ["ip_special_name(ip.dst) == \"Private-Use\"", "zeek/wikipedia.pcap", 0, "ip.dst == 10.0.0.0/8 or ip.dst == 172.16.0.0/12 or ip.dst == 192.168.0.0/16"],
  ["ip_ula(ipv6.dst)", "arkime/v6.pcap", 0, "ipv6.dst == fc00::/7"],
  ["abs(-1) == tcp.flags.syn", "zeek/http/get.pcap", 2, "tcp.flags.syn == 1"],
  ["string(frame.time_relative) == \"0.000000000\"", "zeek/arp-who-has.pcap", 1, "frame.number == 1"],
  ["tcp.srcport - 1 == 79", "zeek/http/get.pcap", 7, "tcp.srcport == 80"],
  ["tcp.flags bitand 0x10", "zeek/http/get.pcap", 13, "tcp.flags & 0x10"],
];

/** [filter, tshark 4.0.17's message, start, end] — an empty span is an early end (no caret). */
const ERRORS: ReadonlyArray<readonly [string, string, number, number]> = [
  ["foo", "foo is neither a field nor a protocol name.", 0, 3],
  ["abc.def", "abc.def is neither a field nor a protocol name.", 0, 7],
  ["\"abc\"", "\"abc\" is neither a field nor a protocol name.", 0, 5],
  ["1", "1 is neither a field nor a protocol name.", 0, 1],
  ["ip.src = 1.2.3.4", "\"=\" was unexpected in this context.", 7, 8],
  ["ip.src == 1.2.3.", "\".\" was unexpected in this context.", 15, 16],
  ["tcp.port == \"abc\"", "Unsigned integer (2 bytes) cannot be converted from a string (\"abc\").", 12, 17],
  ["frame.len == \"abc\"", "Unsigned integer (4 bytes) cannot be converted from a string (\"abc\").", 13, 18],
  ["ip.addr == 1.2.3.4 and", "Unexpected end of filter expression.", 22, 22],
  ["(tcp", "Unexpected end of filter expression.", 4, 4],
  ["tcp.port in {80, 443", "Unexpected end of filter expression.", 20, 20],
  ["tcp.flags.syn == true", "\"true\" cannot be found among the possible values for tcp.flags.syn.", 17, 21],
  ["tcp.port == 80 && ip.src == 1.2.3.4/33", "Netmask bits in a CIDR IPv4 address should be <= 32, not 33", 28, 38],
  ["tcp.port > \"x\"", "Unsigned integer (2 bytes) cannot be converted from a string (\"x\").", 11, 14],
  ["frame.time >= \"yesterday\"", "\"yesterday\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"", 14, 25],
  ["tcp.port contains 3", "tcp.port (type=Unsigned integer (2 bytes)) cannot participate in contains comparison.", 0, 8],
  ["tcp.port matches \"x\"", "tcp.port (type=Unsigned integer (2 bytes)) cannot participate in matches comparison.", 0, 8],
  ["tcp.port == abc", "\"abc\" is not a valid number.", 12, 15],
  ["ip.src == foo", "\"foo\" is not a valid hostname or IPv4 address.", 10, 13],
  ["ip.src == foo.bar", "\"foo.bar\" is not a valid hostname or IPv4 address.", 10, 17],
  ["eth.src == zz:zz", "\":\" was unexpected in this context.", 13, 14],
  ["tcp.port == 1.5", "\"1.5\" is not a valid number.", 12, 15],
  ["tcp.port == 70000", "\"70000\" too big for this field, maximum 65535.", 12, 17],
  ["ip.ttl == 256", "\"256\" too big for this field, maximum 255.", 10, 13],
  ["ip.src == \"141.142.228.5\"", "IPv4 address cannot be converted from a string (\"141.142.228.5\").", 10, 25],
  ["ip.src == tcp.port", "ip.src and tcp.port are not of compatible types.", 10, 18],
  ["len(tcp.port, 1) == 2", "Function len can only accept 1 arguments.", 0, 3],
  ["len() == 1", "Function len needs at least 1 arguments.", 0, 3],
  ["upper(tcp.port) == \"A\"", "Only string type fields can be used as parameter for upper()", 6, 14],
  ["http.host == \"abc", "The final quote was missing from a quoted string.", 17, 18],
  ["frame contains \"a\\qb\"", "\\q is not a valid character escape sequence", 17, 19],
  ["frame contains \"\\u004\"", "\\u004 is not a valid universal character name", 16, 21],
  ["tcp.port in {80 ..}", "\"}\" was unexpected in this context.", 18, 19],
  ["tcp.port ==", "Unexpected end of filter expression.", 11, 11],
  ["== 80", "\"==\" was unexpected in this context.", 0, 2],
  ["tcp.port[0] == 0", "\"tcp.port\" is a Unsigned integer (2 bytes) and cannot be sliced into a sequence of bytes.", 0, 8],
  ["frame.time_delta > \"0.1\"", "Time offset cannot be converted from a string (\"0.1\").", 19, 24],
  ["ip.proto == \"nonexistent\"", "\"nonexistent\" cannot be found among the possible values for ip.proto.", 12, 25],
  ["tcp.port == 80 80", "\"80\" was unexpected in this context.", 15, 17],
  ["tcp.port in {}", "\"}\" was unexpected in this context.", 13, 14],
  ["()", "\")\" was unexpected in this context.", 1, 2],
  ["tcp.port == 80 and (udp", "Unexpected end of filter expression.", 23, 23],
  ["ip.addr == 1.2.3.4/", "Unexpected end of filter expression.", 19, 19],
  ["ip.addr == ::1", "\"::1\" is not a valid hostname or IPv4 address.", 11, 14],
  ["ipv6.addr == 1.2.3.4", "\"1.2.3.4\" is not a valid hostname or IPv6 address.", 13, 20],
  ["ipv6.addr == ::1/200", "Prefix in a IPv6 address should be <= 128, not 200", 13, 20],
  ["eth.addr == broadcast", "\"broadcast\" is not a valid Ethernet address.", 12, 21],
  ["eth.src == \"78:31:c1:c6:3f:c2\"", "Ethernet or other MAC address cannot be converted from a string (\"78:31:c1:c6:3f:c2\").", 11, 30],
  ["eth.src == 78:31:c1:c6:3f", "\"78:31:c1:c6:3f\" contains too few bytes to be a valid Ethernet address.", 11, 25],
  ["frame[0:2] == zz", "\"zz\" is not a valid byte string.", 14, 16],
  ["foo == 1", "Left side of \"==\" expression must be a field or function, not foo.", 0, 3],
  ["tcp.len-1 == 0", "Left side of \"==\" expression must be a field or function, not tcp.len-1.", 0, 9],
  ["vals", "vals is neither a field nor a protocol name.", 0, 4],
  ["tcp.port ==== 80", "\"=\" was unexpected in this context.", 12, 13],
  ["frame | tcp", "\"|\" was unexpected in this context.", 6, 7],
  ["tcp.port in {80 .. \"x\"}", "Unsigned integer (2 bytes) cannot be converted from a string (\"x\").", 19, 22],
  ["string(frame) == \"x\"", "String conversion for field \"frame\" is not supported", 7, 12],
  ["ip.proto == \"TCP", "The final quote was missing from a quoted string.", 16, 17],
  ["frame.len == 1 ==", "Unexpected end of filter expression.", 17, 17],
  ["tcp and or udp", "\"or\" was unexpected in this context.", 8, 10],
  ["frame[0:2] ==", "Unexpected end of filter expression.", 13, 13],
  ["tcp.port == 0x1g", "\"0x1g\" is not a valid number.", 12, 16],
];

/** Foundation protocols present in each capture (tshark's frame.protocols): rows wait for their dissectors. */
const CAPTURE_LAYERS: Readonly<Record<string, readonly string[]>> = {
  'arkime/v6.pcap': ['eth', 'icmpv6', 'ipv6', 'tcp', 'udp'],
  'zeek/arp-who-has.pcap': ['arp', 'eth'],
  'zeek/http/get.pcap': ['eth', 'ip', 'tcp'],
  'zeek/icmp/5-pings.pcap': ['eth', 'icmp', 'ip'],
  'zeek/icmp/icmp-destunreach-udp.pcap': ['eth', 'icmp', 'ip', 'udp'],
  'zeek/icmp/icmp6-ping.pcap': ['eth', 'icmpv6', 'ipv6'],
  'zeek/wikipedia.pcap': ['arp', 'eth', 'ip', 'ipv6', 'tcp', 'udp'],
};

/** Rows whose result depends on an application dissector (through frame.protocols or the columns). */
const ROW_NEEDS: Readonly<Record<string, string>> = {
  'frame.protocols matches "^eth:ethertype:ip:tcp$"': 'http',
  'frame.protocols > "eth:ethertype:ip:tcp"': 'http',
  '_ws.col.protocol == "TCP"': 'http',
  '_ws.col.info contains "GET"': 'http',
};

const PROTO_RE = /\b(?:frame|eth|ip|ipv6|arp|icmp|icmpv6|tcp|udp|http|dns)(?:\.[a-z_0-9.]+)?\b/g;

/** Field names a row needs; undefined when all are registered, else the first missing one. */
function missingField(filter: string): string | undefined {
  const noStrings = filter.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const m of noStrings.matchAll(PROTO_RE)) {
    const name = m[0].replace(/\.+$/, '');
    if (!fieldByName(name)) return name;
  }
  return undefined;
}

const frameCache = new Map<string, FrameRecord[]>();
function frames(rel: string): FrameRecord[] {
  let f = frameCache.get(rel);
  if (!f) {
    const out: FrameRecord[] = [];
    readCaptureLite(join(CAPTURES!, rel), (r) => out.push({ ...r }));
    f = out;
    frameCache.set(rel, f);
  }
  return f;
}

function countMatches(filter: string, rel: string): number {
  const r = compileFilter(filter);
  if (!r.ok) throw new Error(`${filter}: ${r.error.message}`);
  const e = new Engine({ want: r.filter.want });
  e.packet.cols = r.filter.needsColumns;
  let n = 0;
  for (const fr of frames(rel)) {
    const p = e.dissect(fr, fr.buf, fr.dv, fr.off);
    if (r.filter.match(p)) n++;
  }
  return n;
}

test('filter counts match tshark on real captures', { skip: CAPTURES ? false : 'no ../shared/captures' }, () => {
  const fails: string[] = [];
  let ran = 0;
  const skipped = new Set<string>();
  for (const [filter, rel, want, equiv] of COUNTS) {
    const miss = missingField(filter) ?? (equiv ? missingField(equiv) : undefined)
      ?? (CAPTURE_LAYERS[rel] ?? []).find((l) => !fieldByName(l))
      ?? (ROW_NEEDS[filter] !== undefined && !fieldByName(ROW_NEEDS[filter]!) ? ROW_NEEDS[filter] : undefined);
    if (miss) { skipped.add(miss); continue; }
    ran++;
    try {
      const got = countMatches(filter, rel);
      if (got !== want) fails.push(`${filter} on ${rel}: ${got}, tshark ${want}${equiv ? ` (as ${equiv})` : ''}`);
    } catch (e) {
      fails.push(`${filter} on ${rel}: ${(e as Error).message}`);
    }
  }
  if (skipped.size) console.log(`# ${COUNTS.length - ran} rows skipped (fields not registered yet: ${[...skipped].join(' ')})`);
  assert.deepEqual(fails, [], `${fails.length}/${ran} rows differ`);
});

test('error messages and spans match tshark', () => {
  const fails: string[] = [];
  for (const [filter, msg, start, end] of ERRORS) {
    if (missingField(filter)) continue;
    const r = compileFilter(filter);
    if (r.ok) { fails.push(`${filter}: compiled, tshark says ${msg}`); continue; }
    const e = r.error;
    if (e.message !== msg || e.start !== start || e.end !== end) {
      fails.push(`${filter}: got ${JSON.stringify([e.message, e.start, e.end])}, tshark ${JSON.stringify([msg, start, end])}`);
    }
  }
  assert.deepEqual(fails, []);
});

test('formatFilterError draws tshark\'s caret line', () => {
  const r = compileFilter('ip.src = 1.2.3.4');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(formatFilterError('ip.src = 1.2.3.4', r.error), '"=" was unexpected in this context.\n    ip.src = 1.2.3.4\n           ^\n');
  const eof = compileFilter('frame and');
  assert.equal(eof.ok, false);
  if (!eof.ok) assert.equal(formatFilterError('frame and', eof.error), 'Unexpected end of filter expression.\n');
});
