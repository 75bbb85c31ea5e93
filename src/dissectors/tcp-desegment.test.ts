// TCP desegmentation (p.desegment) with DNS over TCP: the response of tcpdump/dns_tcp.pcap (frame 6,
// 226 bytes of payload) re-sent as two segments — split inside the message, and inside the
// 2-byte length prefix — must give the same DNS answer on the second segment, the first tagged as
// tshark tags it, and the same answer again on a revisit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import './index.js';
import { capturesDir, readFrames, fieldValues, treeText, compareGolden, type TestFrame } from './golden.testutil.js';
import { Engine } from '../core/dissect.js';
import type { Packet } from '../core/packet.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const ETH = 14, IP_LEN = 2, TCP_AT = 14 + 20, SEQ_AT = TCP_AT + 4, PAYLOAD_AT = TCP_AT + 20;

/** Two frames carrying the payload of `f` (Ethernet/IPv4/TCP, 20-byte headers) split at `k`. */
function split(f: TestFrame, k: number): [TestFrame, TestFrame] {
  const src = f.buf.subarray(f.off, f.off + f.caplen);
  const pay = src.length - PAYLOAD_AT;
  const part = (from: number, to: number, num: number): TestFrame => {
    const b = new Uint8Array(PAYLOAD_AT + (to - from));
    b.set(src.subarray(0, PAYLOAD_AT));
    b.set(src.subarray(PAYLOAD_AT + from, PAYLOAD_AT + to), PAYLOAD_AT);
    const dv = new DataView(b.buffer);
    dv.setUint16(ETH + IP_LEN, b.length - ETH);
    dv.setUint32(SEQ_AT, (dv.getUint32(SEQ_AT) + from) >>> 0);
    return { ...f, num, caplen: b.length, len: b.length, buf: b, dv, off: 0 };
  };
  return [part(0, k, f.num), part(k, pay, f.num + 1)];
}

interface Seen { proto: string; info: string; dns: string; reassembledIn: string; segments: string; tree: string }

function dissect(frames: readonly TestFrame[], twoPass: boolean): Map<number, Seen> {
  const eng = new Engine({ want: null });
  const out = new Map<number, Seen>();
  const see = (p: Packet): void => {
    out.set(p.num, { proto: p.proto, info: p.info, dns: fieldValues(p, 'dns.a'), reassembledIn: fieldValues(p, 'tcp.reassembled_in'), segments: fieldValues(p, 'tcp.segment'), tree: treeText(p) });
  };
  for (const f of frames) see(eng.dissect(f, f.buf, f.dv, f.off));
  if (twoPass) {
    eng.session.visited = true;
    for (const f of frames) see(eng.dissect(f, f.buf, f.dv, f.off));
  }
  return out;
}

const INFO = 'Standard query response 0x4319 A www.tcpdump.org A 192.139.46.66 A 198.199.88.104 NS nic.sandelman.ca NS sns.cooperix.net A 209.87.249.18 AAAA 2607:f0b0:f::babe:f00d A 97.107.133.15 AAAA 2600:3c03::f03c:91ff:fe96:e8ef OPT';

for (const k of [100, 1]) {
  test(`tcp desegment: a DNS response split at byte ${k} of its TCP payload is reassembled on the second segment`, { skip }, () => {
    const cap = readFrames(join(dir!, 'tcpdump/dns_tcp.pcap')).frames;
    const [a, b] = split(cap[5]!, k);
    const frames = [...cap.slice(0, 5), a, b];
    for (const twoPass of [false, true]) {
      const r = dissect(frames, twoPass);
      const first = r.get(6)!, second = r.get(7)!;
      assert.equal(first.proto, 'TCP');
      assert.match(first.info, /\[TCP segment of a reassembled PDU\]$/);
      assert.equal(first.dns, '');
      assert.equal(first.reassembledIn, twoPass ? '7' : '');
      assert.equal(second.proto, 'DNS');
      assert.equal(second.info, INFO);
      assert.equal(second.dns, '192.139.46.66,198.199.88.104,209.87.249.18,97.107.133.15');
      assert.equal(second.segments, '6,7');
      assert.match(second.tree, new RegExp(`\\n\\[2 Reassembled TCP Segments \\(226 bytes\\): #6\\(${k}\\), #7\\(${226 - k}\\)\\]\\n`));
    }
  });
}

// TLS over TCP: a segment that completes a PDU and starts the next one shows the completed PDU
// alone (openssl-tls1_2 #10 "Certificate", TLSv1.2); a segment that only starts a PDU whose
// dissector cleared Info shows the tag without a leading space (tls-split-client-hello #4).
test('tcp desegment: segment tag and Protocol after a completed PDU match tshark', { skip }, () => {
  for (const rel of ['arkime/openssl-tls1_2.pcap', 'arkime/tls-split-client-hello.pcap', 'arkime/tls-alpn-h2.pcap']) {
    const r = compareGolden(rel, ['_ws.col.Protocol', '_ws.col.Info']);
    if (!r) continue;
    assert.deepEqual(r.mismatches, [], rel);
  }
});

// An out-of-order segment whose bytes a reassembled PDU already holds goes to reassembly in tshark
// (a plain retransmission does not): Info gets the overlap error (206_example_b #1226 …).
test('tcp desegment: out-of-order segments inside a reassembled PDU report the overlap as tshark', { skip }, () => {
  const r = compareGolden('zeek/http/206_example_b.pcap', ['_ws.col.Info'], { rowFilter: (get) => get('_ws.col.Info').startsWith('[TCP Out-Of-Order]') });
  if (!r) return;
  assert.ok(r.frames >= 52);
  assert.deepEqual(r.mismatches.slice(0, 3), []);
});
