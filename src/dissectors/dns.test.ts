// DNS, mDNS and LLMNR against tshark 4.0: golden columns of real captures, whole -V subtrees of
// a few packets (text from tshark -V), name edge cases tshark was measured on (synthetic messages in
// a real frame layout), request/response matching, and hostile input staying bounded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, compareGolden, dissectFile, treeText, fieldValues } from './golden.testutil.js';
import { Engine } from '../core/dissect.js';
import type { Packet } from '../core/packet.js';
import { prng } from '../test-support/mutate.js';
import { treeProblem } from '../test-support/tree-check.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const DNS_COLUMNS = ['dns.id', 'dns.flags.response', 'dns.qry.name', 'dns.qry.type', 'dns.a', 'dns.aaaa', '_ws.col.Protocol', '_ws.col.Info'] as const;

/** Captures whose DNS packets sit on Ethernet/IPv4/UDP or TCP (single-segment messages). */
const GOLDEN_CAPTURES = [
  'arkime/dns-wiresharkrepo.pcap', 'arkime/dns-udp.pcap', 'arkime/dns-mx.pcap', 'arkime/dns-tcp.pcap',
  'tcpdump/edns-opts.pcap', 'tcpdump/dnssec.pcap', 'tcpdump/dns_udp.pcap', 'tcpdump/dns_tcp.pcap', 'tcpdump/dns-uri.pcap',
  'tcpdump/dns-badlabel.pcap', 'zeek/dns-caa.pcap', 'zeek/dns-https.pcap', 'zeek/dns-txt-multiple.pcap',
  'zeek/dns/long-connection.pcap', 'zeek/dns-two-responses.pcap', 'zeek/dns/dns-corrupt.pcap',
  'zeek/dns-edns-tcp-keepalive.pcap', 'zeek/dns/max-compression-depth.pcap', 'ndpi/malformed_dns.pcap', 'ndpi/dns_long_domainname.pcap',
  'ndpi/android.pcap', 'ndpi/punycode-idn.pcap', 'gopacket/pcap/test_dns.pcap',
];

test('dns: golden columns (id, flags.response, qry.name, qry.type, a, aaaa, Protocol, Info) equal tshark on DNS rows', { skip }, () => {
  let cells = 0;
  const bad: string[] = [];
  for (const rel of GOLDEN_CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    const r = compareGolden(rel, DNS_COLUMNS, { rowFilter: (get) => /:(dns|mdns|llmnr)(:|$)/.test(get('frame.protocols')) });
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want.slice(0, 160)}\n  got  ${m.got.slice(0, 160)}`);
  }
  assert.ok(cells > 1500, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

/** The lines of the first DNS/MDNS/LLMNR subtree (and a following malformed marker) of -V text. */
function dnsSubtree(p: Packet): string {
  const lines = treeText(p).split('\n');
  const out: string[] = [];
  let on = false;
  for (const l of lines) {
    if (/^\S/.test(l)) on = /^(Domain Name System|Multicast Domain Name System|Link-local Multicast Name Resolution|\[Malformed Packet: (DNS|MDNS|LLMNR)\])/.test(l) && (on || !l.startsWith('['));
    if (on && l !== '') out.push(l);
  }
  return out.join('\n');
}

// tshark -n -r zeek/dns-caa.pcap -V (frame 2), the DNS part
const CAA_RESPONSE = `Domain Name System (response)
    Transaction ID: 0x355e
    Flags: 0x8180 Standard query response, No error
        1... .... .... .... = Response: Message is a response
        .000 0... .... .... = Opcode: Standard query (0)
        .... .0.. .... .... = Authoritative: Server is not an authority for domain
        .... ..0. .... .... = Truncated: Message is not truncated
        .... ...1 .... .... = Recursion desired: Do query recursively
        .... .... 1... .... = Recursion available: Server can do recursive queries
        .... .... .0.. .... = Z: reserved (0)
        .... .... ..0. .... = Answer authenticated: Answer/authority portion was not authenticated by the server
        .... .... ...0 .... = Non-authenticated data: Unacceptable
        .... .... .... 0000 = Reply code: No error (0)
    Questions: 1
    Answer RRs: 1
    Authority RRs: 0
    Additional RRs: 0
    Queries
        google.com: type CAA, class IN
            Name: google.com
            [Name Length: 10]
            [Label Count: 2]
            Type: CAA (Certification Authority Restriction) (257)
            Class: IN (0x0001)
    Answers
        google.com: type CAA, class IN
            Name: google.com
            Type: CAA (Certification Authority Restriction) (257)
            Class: IN (0x0001)
            Time to live: 21577 (5 hours, 59 minutes, 37 seconds)
            Data length: 19
            CAA Flags: 0x00
                0... .... = Issuer Critical: Not critical
            Issue: symantec.com
                Tag length: 5
                Tag: issue
                Value: symantec.com
    [Request In: 1]
    [Time: 0.014345000 seconds]`;

// tshark -n -r tcpdump/edns-opts.pcap -V (frame 6): EDNS0 with a client subnet option
const ECS_RESPONSE_TAIL = `    Additional records
        <Root>: type OPT
            Name: <Root>
            Type: OPT (41)
            UDP payload size: 4096
            Higher bits in extended RCODE: 0x00
            EDNS0 version: 0
            Z: 0x0000
                0... .... .... .... = DO bit: Cannot handle DNSSEC security RRs
                .000 0000 0000 0000 = Reserved: 0x0000
            Data length: 11
            Option: CSUBNET - Client subnet
                Option Code: CSUBNET - Client subnet (8)
                Option Length: 7
                Option Data: 00011800c00002
                Family: IPv4 (1)
                Source Netmask: 24
                Scope Netmask: 0
                Client Subnet: 192.0.2.0
    [Request In: 5]
    [Time: 0.022025000 seconds]`;

// tshark -n -r tcpdump/dns-badlabel.pcap -V: the first name ends in a compression chain that
// grows past 255 bytes; the next one runs off the message.
const BADLABEL_TAIL = `    Queries
        <Name too long>: type Unused, class Unknown
            Name: <Name too long>
            [Name Length: 15]
            [Label Count: 1]
            Type: Unused (0)
            Class: Unknown (0x10fb)
[Malformed Packet: DNS]
    [Expert Info (Error/Malformed): Malformed Packet (Exception occurred)]
        [Malformed Packet (Exception occurred)]
        [Severity level: Error]
        [Group: Malformed]`;

/** The DNS subtree of frame `num` of a capture (expert severity/group shown as tshark's text). */
function subtreeOf(rel: string, num: number): string | undefined {
  let hit: string | undefined;
  dissectFile(join(dir!, rel), (p) => { if (p.num === num) hit = dnsSubtree(p); });
  return hit?.replace(/\[(Severity level|Group): (\w+) \(\d+\)\]/g, '[$1: $2]');
}

test('dns: -V subtree of a CAA response equals tshark', { skip }, () => {
  assert.equal(subtreeOf('zeek/dns-caa.pcap', 2), CAA_RESPONSE);
});

test('dns: -V of EDNS0 client subnet equals tshark', { skip }, () => {
  const s = subtreeOf('tcpdump/edns-opts.pcap', 6)!;
  assert.ok(s.endsWith(ECS_RESPONSE_TAIL), s.slice(-1200));
});

test('dns: malformed names end as tshark (name too long, then [Malformed Packet])', { skip }, () => {
  const s = subtreeOf('tcpdump/dns-badlabel.pcap', 1)!;
  assert.ok(s.endsWith(BADLABEL_TAIL), s.slice(-800));
});

// ---- synthetic messages in an Ethernet/IPv4/UDP frame ----

function hex(s: string): Uint8Array {
  const h = s.replace(/\s+/g, '');
  const b = new Uint8Array(h.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return b;
}

/** An Ethernet/IPv4/UDP (or TCP) frame around `payload`, 10.0.0.1:53000 → 10.0.0.2:53 (or swapped). */
function frame(payload: Uint8Array, opts: { reverse?: boolean; tcp?: boolean; sport?: number; dport?: number } = {}): Uint8Array {
  const l4len = (opts.tcp ? 20 : 8) + payload.length;
  const b = new Uint8Array(14 + 20 + l4len);
  const dv = new DataView(b.buffer);
  b.set([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0]);
  const ip = 14;
  b[ip] = 0x45;
  dv.setUint16(ip + 2, 20 + l4len);
  b[ip + 8] = 64;
  b[ip + 9] = opts.tcp ? 6 : 17;
  const a = [10, 0, 0, 1], c = [10, 0, 0, 2];
  b.set(opts.reverse ? c : a, ip + 12);
  b.set(opts.reverse ? a : c, ip + 16);
  const sp = opts.sport ?? 53000, dp = opts.dport ?? 53;
  const l4 = ip + 20;
  dv.setUint16(l4, opts.reverse ? dp : sp);
  dv.setUint16(l4 + 2, opts.reverse ? sp : dp);
  if (opts.tcp) {
    dv.setUint32(l4 + 4, 1000);
    b[l4 + 12] = 0x50;
    b[l4 + 13] = 0x18;
    dv.setUint16(l4 + 14, 65535);
    b.set(payload, l4 + 20);
  } else {
    dv.setUint16(l4 + 4, 8 + payload.length);
    b.set(payload, l4 + 8);
  }
  return b;
}

/** Dissects frames in order (1 s apart unless `times` says otherwise) and returns f(p) for each. */
function run<T>(frames: Uint8Array[], f: (p: Packet) => T, times?: number[]): T[] {
  const e = new Engine({ want: null });
  return frames.map((b, i) => {
    const t = times?.[i] ?? 1000 + i;
    const sec = Math.floor(t);
    const p = e.dissect({ num: i + 1, tsSec: sec, tsNsec: Math.round((t - sec) * 1e9), caplen: b.length, len: b.length, linktype: 1, iface: -1, comments: undefined },
      b, new DataView(b.buffer), 0);
    return f(p);
  });
}

const Q_HDR = '1234 0100 0001 0000 0000 0000';

/** [qry.name, qry.name.len, count.labels, Info] of a one-question query with this name (and type A, class IN). */
function q(name: string): string[] {
  return run([frame(hex(Q_HDR + name + '0001 0001'))], (p) => [
    fieldValues(p, 'dns.qry.name'), fieldValues(p, 'dns.qry.name.len'), fieldValues(p, 'dns.count.labels'), p.info,
  ])[0]!;
}

const L63 = '3f' + '61'.repeat(63);

test('dns names: root, one character, dots and escapes, UTF-8, as tshark', () => {
  assert.deepEqual(q('00'), ['<Root>', '6', '1', 'Standard query 0x1234 A <Root>']);
  // tshark shows a one-character name with length 0 and 0 labels
  assert.deepEqual(q('0161 00'), ['a', '0', '0', 'Standard query 0x1234 A a']);
  assert.deepEqual(q('0161 0162 0163 00'), ['a.b.c', '5', '3', 'Standard query 0x1234 A a.b.c']);
  // a dot inside a label counts as a label separator for [Label Count]
  assert.deepEqual(q('03612e62 00').slice(0, 3), ['a.b', '3', '2']);
  // control bytes as C escapes or \ooo, invalid UTF-8 as U+FFFD, backslash and quotes kept
  assert.deepEqual(q('03 00ff09 04 5c27220a 02 c3a9 00').slice(0, 3), ['\\000\ufffd\\t.\\\'"\\n.é', '11', '3']);
});

test('dns names: 255-byte limit, pointer loops and the pointer limit, extended labels', () => {
  // 253 characters is the longest name; one more is "<Name too long>" (the type after it still read)
  assert.deepEqual(q(L63 + L63 + L63 + '3d' + '61'.repeat(61) + '00').slice(1, 3), ['253', '4']);
  assert.deepEqual(q(L63 + L63 + L63 + '3e' + '61'.repeat(62) + '00'), ['<Name too long>', '15', '1', 'Standard query 0x1234 A <Name too long>']);
  assert.deepEqual(q('c00c'), ['<Name contains a pointer that loops>', '36', '1', 'Standard query 0x1234 A <Name contains a pointer that loops>']);
  assert.deepEqual(q('03616263 c00c'), ['<Name contains a pointer that loops>', '36', '1', 'Standard query 0x1234 A <Name contains a pointer that loops>']);
  // a chain of 255 pointers resolves; 256 count as a loop
  const chain = (n: number): string => {
    let s = 'c012 0001 0001';
    for (let i = 1; i < n; i++) s += ' ' + (0xc000 + 18 + 2 * i).toString(16);
    return s + ' 0161 00';
  };
  const qc = (n: number): string => run([frame(hex(Q_HDR + chain(n)))], (p) => fieldValues(p, 'dns.qry.name'))[0]!;
  assert.equal(qc(255), 'a');
  assert.equal(qc(256), '<Name contains a pointer that loops>');
  // an extended label after a label: marker, and the type is read right after the label byte
  assert.deepEqual(q('0162 61 00 0001 0001'), ['<Unknown extended label>', '24', '1', 'Standard query 0x1234 Unused <Unknown extended label>']);
});

test('dns names: past the message end → [Malformed Packet], no question item', () => {
  for (const name of ['c0ff', '056162', '016101']) {
    const [info, qn, malformed] = run([frame(hex(Q_HDR + name))], (p) => [p.info, fieldValues(p, 'dns.qry.name'), p.isMalformed] as const)[0]!;
    assert.equal(info, 'Standard query 0x1234[Malformed Packet]', name);
    assert.equal(qn, '', name);
    assert.equal(malformed, true, name);
  }
});

const Q = hex('1234 0100 0001 0000 0000 0000 0161 00 0001 0001');
const R = hex('1234 8180 0001 0001 0000 0000 0161 00 0001 0001 c00c 0001 0001 00000010 0004 01020304');
const LINKS = ['dns.response_to', 'dns.time', 'dns.retransmit_request_in', 'dns.retransmit_response_in', 'dns.retransmission', 'dns.unsolicited'];

function links(frames: Uint8Array[], times?: number[]): string[] {
  return run(frames, (p) => LINKS.map((l) => fieldValues(p, l)).join('|'), times);
}

test('dns matching: request in, time, retransmissions (5 s window) and unsolicited responses, one pass', () => {
  assert.deepEqual(links([frame(Q), frame(R, { reverse: true })]), ['|||||', '1|1.000000000||||']);
  assert.deepEqual(links([frame(Q), frame(Q)]), ['|||||', '||1||1|']);
  assert.deepEqual(links([frame(Q), frame(R, { reverse: true }), frame(R, { reverse: true })]), ['|||||', '1|1.000000000||||', '|||2|1|']);
  assert.deepEqual(links([frame(R, { reverse: true })]), ['|||||1']);
  // a repeat 5 s or more after the first query is a new query; the response goes to the newest
  assert.deepEqual(links([frame(Q), frame(Q), frame(Q), frame(R, { reverse: true })], [0, 3, 6, 7]),
    ['|||||', '||1||1|', '|||||', '3|1.000000000||||']);
  // another client port is another conversation
  assert.deepEqual(links([frame(Q), frame(Q, { sport: 1111 })]), ['|||||', '|||||']);
  // the retransmission expert sits under the Transaction ID, as tshark's
  const text = run([frame(Q), frame(Q)], (p) => treeText(p))[1]!;
  assert.match(text, /Transaction ID: 0x1234\n {8}\[Expert Info \(Warning\/Protocol\): DNS query retransmission\. Original request in frame 1\]/);
});

test('dns over TCP: length prefix, several messages in one segment', () => {
  const two = new Uint8Array(2 + Q.length + 2 + Q.length);
  new DataView(two.buffer).setUint16(0, Q.length);
  two.set(Q, 2);
  new DataView(two.buffer).setUint16(2 + Q.length, Q.length);
  two.set(Q, 4 + Q.length);
  two[4 + Q.length + 1] = 0x35; // second id 0x1235
  const [ids, lens, proto, info] = run([frame(two, { tcp: true })], (p) => [fieldValues(p, 'dns.id'), fieldValues(p, 'dns.length'), p.protocolsString(), p.info])[0]!;
  assert.equal(ids, '0x1234,0x1235');
  assert.equal(lens, `${Q.length},${Q.length}`);
  // as tshark: dns listed once, the Info of the last message
  assert.match(proto, /:tcp:dns$/);
  assert.equal(info, 'Standard query 0x1235 A a');
});

test('mdns: QU/QM questions, cache flush, Info as tshark', () => {
  // one QU question, one answer with cache flush
  const m = hex('0000 8400 0001 0001 0000 0000 0161 056c6f63616c 00 0001 8001  c00c 0001 8001 00000078 0004 0a000001');
  const [info, proto, tree] = run([frame(m, { sport: 5353, dport: 5353 })], (p) => [p.info, p.proto, dnsSubtree(p)])[0]!;
  assert.equal(proto, 'MDNS');
  assert.equal(info, 'Standard query response 0x0000 A a.local, "QU" question A, cache flush 10.0.0.1');
  assert.match(tree, /^Multicast Domain Name System \(response\)/);
  assert.match(tree, /a\.local: type A, class IN, "QU" question\n/);
  assert.match(tree, / {12}\.000 0000 0000 0001 = Class: IN \(0x0001\)\n {12}1\.\.\. \.\.\.\. \.\.\.\. \.\.\.\. = "QU" question: True/);
  assert.match(tree, /a\.local: type A, class IN, cache flush, addr 10\.0\.0\.1\n/);
});

test('llmnr: flags as tshark (conflict, tentative)', () => {
  const m = hex('4620 0000 0001 0000 0000 0000 0161 00 0001 0001');
  const tree = run([frame(m, { sport: 60000, dport: 5355 })], (p) => dnsSubtree(p))[0]!;
  assert.equal(tree.split('\n').slice(0, 8).join('\n'), `Link-local Multicast Name Resolution (query)
    Transaction ID: 0x4620
    Flags: 0x0000 Standard query
        0... .... .... .... = Response: Message is a query
        .000 0... .... .... = Opcode: Standard query (0)
        .... .0.. .... .... = Conflict: None
        .... ..0. .... .... = Truncated: Message is not truncated
        .... ...0 .... .... = Tentative: Not tentative`);
});

test('dns: mutated messages never throw and stay bounded', { skip }, () => {
  const base: Uint8Array[] = [];
  for (const rel of ['arkime/dns-wiresharkrepo.pcap', 'tcpdump/edns-opts.pcap', 'zeek/dns-https.pcap']) {
    dissectFile(join(dir!, rel), (p, f) => {
      if (p.proto === 'DNS' && f.caplen < 1500) base.push(f.buf.slice(f.off, f.off + f.caplen));
    });
  }
  assert.ok(base.length > 50);
  const rnd = prng(5);
  const e = new Engine({ want: null });
  const t0 = Date.now();
  let n = 0;
  for (let round = 0; round < 20; round++) {
    for (const b of base) {
      const c = b.slice(0, rnd() < 0.2 ? 42 + Math.floor(rnd() * (b.length - 42)) : b.length);
      const k = 1 + Math.floor(rnd() * 4);
      // damage the DNS bytes (after the 42-byte Ethernet/IPv4/UDP headers)
      for (let i = 0; i < k && c.length > 42; i++) c[42 + Math.floor(rnd() * (c.length - 42))] = Math.floor(rnd() * 256);
      const p = e.dissect({ num: ++n, tsSec: n, tsNsec: 0, caplen: c.length, len: b.length, linktype: 1, iface: -1, comments: undefined }, c, new DataView(c.buffer), 0);
      assert.ok(!p.info.includes('dissector bug'), p.info);
      assert.equal(treeProblem(p), undefined);
    }
  }
  assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
});

test('dns: a hostile 64 KB message (thousands of names into long label chains) is bounded', () => {
  // 2,000 questions, each a pointer to a chain of 1-byte labels that runs to the end of the message
  // and points back to its start: every name is too long, and walking it to a loop is long
  const size = 65000;
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 0x4242);
  dv.setUint16(4, 2000);
  const chain = 12100;
  let o = 12;
  for (let i = 0; i < 2000; i++) { dv.setUint16(o, 0xc000 | chain); dv.setUint16(o + 2, 1); dv.setUint16(o + 4, 1); o += 6; }
  let x = chain;
  while (x + 4 < size) { b[x] = 1; b[x + 1] = 0x61; x += 2; }
  dv.setUint16(x, 0xc000 | chain);
  const t0 = Date.now();
  const [info] = run([frame(b.subarray(0, x + 2))], (p) => p.info);
  assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
  assert.ok(info!.startsWith('Standard query 0x4242 A <Name too long>'), info!.slice(0, 100));
});

test('dns: a message cut inside the header shows what is there, as tshark', () => {
  // under 4 bytes: no protocol item, the layer still counted, Info empty but the marker
  const [info, proto, tree, protos] = run([frame(hex('123401'))], (p) => [p.info, p.proto, dnsSubtree(p), p.protocolsString()])[0]!;
  assert.equal(info, '[Malformed Packet]');
  assert.equal(proto, 'DNS');
  assert.match(protos, /:udp:dns$/);
  assert.ok(!tree.includes('Domain Name System'), tree);
  // 7 bytes: ID, flags and the first count
  const t7 = run([frame(hex('12340100 000100'))], (p) => dnsSubtree(p))[0]!;
  assert.deepEqual(t7.split('\n').filter((l) => /^ {4}[A-Z]/.test(l)), ['    Transaction ID: 0x1234', '    Flags: 0x0100 Standard query', '    Questions: 1']);
  assert.match(t7, /\n\[Malformed Packet: DNS\]/);
});

test('dns: a second pass (visited session) gives queries their Response In, as tshark -2', () => {
  const e = new Engine({ want: null });
  const frames = [frame(Q), frame(R, { reverse: true })];
  const dis = (b: Uint8Array, i: number): Packet =>
    e.dissect({ num: i + 1, tsSec: 1000 + i, tsNsec: 0, caplen: b.length, len: b.length, linktype: 1, iface: -1, comments: undefined }, b, new DataView(b.buffer), 0);
  const first = frames.map((b, i) => fieldValues(dis(b, i), 'dns.response_in'));
  assert.deepEqual(first, ['', '']);
  e.session.visited = true;
  const second = frames.map((b, i) => { const p = dis(b, i); return [fieldValues(p, 'dns.response_in'), fieldValues(p, 'dns.response_to')]; });
  assert.deepEqual(second, [['2', ''], ['', '1']]);
});

test('dns: UDP heuristic on other ports with tshark\'s rules', () => {
  const N = '0161 00 0001 0001';
  const A = 'c00c 0001 0001 00000010 0004 01020304';
  const O = '00 0029 1000 00000000 0000';
  const cases: [string, boolean][] = [
    [`1234 0100 0001 0000 0000 0000 ${N}`, true],
    [`1234 0100 0002 0000 0000 0000 ${N} ${N}`, false], // a query asks one question
    [`1234 0100 0001 0001 0000 0000 ${N} ${A}`, false], // a query carries no answers
    [`1234 0100 0001 0000 0000 0002 ${N} ${O} ${O}`, true],
    [`1234 0900 0001 0000 0000 0000 ${N}`, false], // opcode 1
    [`1234 8180 0000 0001 0000 0000 0161 00 0001 0001 00000010 0004 01020304`, true],
    [`1234 8180 0002 0000 0000 0000 ${N} ${N}`, false],
    ['1234 8180 0000 0000 0000 0000', false],
  ];
  const got = cases.map(([h]) => run([frame(hex(h), { sport: 40000, dport: 40001 })], (p) => p.proto === 'DNS')[0]);
  assert.deepEqual(got, cases.map((c) => c[1]));
  // never on the NetBIOS name service port: that one is NBNS's (src/dissectors/nbns.ts), not DNS's
  assert.equal(run([frame(hex(`1234 0100 0001 0000 0000 0000 ${N}`), { sport: 137, dport: 40001 })], (p) => p.proto)[0], 'NBNS');
});

test('an extended label reached through a pointer backwards is malformed, not a name of negative length', () => {
  // answer name 'x' + pointer to the 0x42 ('B') of the question's 'Bbc': tshark 4.0 stops there
  // ('… A Bbc[Malformed Packet]', no answer item); wirelens read an answer from 7 bytes before it
  const msg = hex('0001 8180 0001 0001 0000 0000  03 426263 00 0001 0001  01 78 c00d 0001 0001 00000010 0004 0a000009');
  const [r] = run([frame(msg, { reverse: true })], (p) => ({ info: p.info, tree: treeText(p), problem: treeProblem(p) }));
  assert.equal(r!.info, 'Standard query response 0x0001 A Bbc[Malformed Packet]');
  assert.equal(r!.problem, undefined);
  assert.match(r!.tree, /\n {4}Answers\n\[Malformed Packet: DNS\]\n/);
});

test('a record whose data is malformed still shows its type in Info; a CAA tag longer than the record is malformed', () => {
  // tshark 4.0: '… CAA a.b CAA[Malformed Packet]' (rdlength 3, tag length 5: the value's length
  // would be negative); wirelens showed an empty value and the rest as extraneous data
  const caa = hex('0001 8180 0001 0001 0000 0000  01 61 01 62 00 0101 0001  c00c 0101 0001 00000010 0003 00 05 6973737565 63612e6f7267 00000000');
  // SOA whose rname runs past the message: the primary server is in Info before the failure
  const soa = hex('0002 8180 0001 0001 0000 0000  01 61 01 62 00 0006 0001  c00c 0006 0001 00000010 0010 026e73 c00c 05 686f7374');
  const rs = run([frame(caa, { reverse: true }), frame(soa, { reverse: true })], (p) => ({ info: p.info, problem: treeProblem(p) }));
  assert.deepEqual(rs, [
    { info: 'Standard query response 0x0001 CAA a.b CAA[Malformed Packet]', problem: undefined },
    { info: 'Standard query response 0x0002 SOA a.b SOA ns.a.b[Malformed Packet]', problem: undefined },
  ]);
});

test('MD/MF/MB/MG/MR show the owner name in Info and no data in the label; a DS shorter than 4 bytes is malformed', () => {
  // tshark 4.0 on hand-made responses (rdata 'x' + pointer to the question's 'a.b')
  const rr = (type: string): Uint8Array => frame(hex(`0001 8180 0001 0001 0000 0000  01 61 01 62 00 ${type} 0001  c00c ${type} 0001 00000010 0004 0178c00c`), { reverse: true });
  const rs = run(['0003', '0004', '0007', '0008', '0009'].map(rr), (p) => ({ info: p.info, tree: treeText(p) }));
  assert.deepEqual(rs.map((r) => r.info.replace('Standard query response 0x0001 ', '')), ['MD a.b MD a.b', 'MF a.b MF a.b', 'MB a.b MB a.b', 'MG a.b MG a.b', 'MR a.b MR a.b']);
  assert.match(rs[3]!.tree, /\n {8}a\.b: type MG, class IN\n/);
  // DS with rdlength 2 (key id, algorithm and digest type are read from the bytes after it):
  // the digest's length is negative (was an item ending before it starts)
  const [ds] = run([frame(hex('0001 8180 0001 0001 0000 0000  01 61 01 62 00 002b 0001  c00c 002b 0001 00000010 0002 1234 08 02 00000000'), { reverse: true })],
    (p) => ({ info: p.info, problem: treeProblem(p) }));
  assert.deepEqual(ds, { info: 'Standard query response 0x0001 DS a.b DS[Malformed Packet]', problem: undefined });
});
