// QUIC against tshark 4.0: golden columns of real captures (Info with packet numbers and frames
// from decrypted Initial packets, handshake types and SNI from their CRYPTO frames), a -V subtree
// copied from tshark's output, the RFC 9001 Appendix A key derivation vectors, and hostile
// datagrams staying bounded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, compareGolden, dissectFile, treeText, fieldValues, dissectBytes, hex } from './golden.testutil.js';
import { initialKeys, QUIC_V1 } from './quic-crypto.js';
import { fieldByName, fieldCount } from '../core/field.js';
import { prng } from '../test-support/mutate.js';
import { ipv4Frame } from './tls.testutil.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const COLUMNS = ['tls.handshake.type', 'tls.handshake.extensions_server_name', 'frame.protocols', '_ws.col.Protocol', '_ws.col.Info'] as const;

const GOLDEN_CAPTURES = [
  'zeek/quic/curl-8.1.2-dev-http3-www-google-de.pcap', 'zeek/quic/chromium-115.0.5790.110-api-cirrus-com.pcap',
  'zeek/quic/firefox-102.13.0esr-blog-cloudflare-com.pcap', 'zeek/quic/quic-multiple-initial-fragmented-crypto.pcap',
  'arkime/quicietf.pcap', 'ndpi/quic-29.pcap', 'ndpi/quic-34.pcap', 'tcpdump/quic_handshake.pcap', 'tcpdump/quic_retry.pcap',
  'ndpi/quic_frags_ch_in_multiple_packets.pcapng',
];

test('quic: golden columns (handshake type, SNI, protocols, Protocol, Info) equal tshark on QUIC rows', { skip }, () => {
  let cells = 0;
  const bad: string[] = [];
  for (const rel of GOLDEN_CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    const r = compareGolden(rel, COLUMNS, { rowFilter: (get) => /:quic(:|$)/.test(get('frame.protocols')) });
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want.slice(0, 160)}\n  got  ${m.got.slice(0, 160)}`);
  }
  assert.ok(cells > 3000, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

test('quic: RFC 9001 Appendix A.1 Initial keys from DCID 0x8394c8f03e515708', () => {
  const dcid = hex('8394c8f03e515708');
  const c = initialKeys(QUIC_V1, dcid, false)!;
  const s = initialKeys(QUIC_V1, dcid, true)!;
  const h = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  assert.equal(h(c.key), '1f369613dd76d5467730efcbe3b1a22d');
  assert.equal(h(c.iv), 'fa044b2f42a3fd3b46fb255c');
  assert.equal(h(c.hp), '9f50449e04a0e810283a1e9933adedd2');
  assert.equal(h(s.key), 'cf3a5331653c364c88f0f379b6067e37');
  assert.equal(h(s.iv), '0ac1493ca1905853b0bba03e');
  assert.equal(h(s.hp), 'c206b8d9b9f0f37644430b490eeaa314');
});

/** The lines of the QUIC subtrees (and what follows them at the top level) of -V text. */
function quicSubtree(text: string): string {
  const out: string[] = [];
  let on = false;
  for (const l of text.split('\n')) {
    if (/^\S/.test(l)) on = on || l === 'QUIC IETF';
    if (on && l !== '') out.push(l);
  }
  return out.join('\n');
}

// tshark -n -r zeek/quic/curl-8.1.2-dev-http3-www-google-de.pcap -V (frame 2): the server's
// Initial (decrypted: ACK, CRYPTO with the ServerHello, PADDING)
const SERVER_INITIAL = `
QUIC IETF
    QUIC Connection information
        [Connection Number: 0]
    [Packet Length: 1200]
    1... .... = Header Form: Long Header (1)
    .1.. .... = Fixed Bit: True
    ..00 .... = Packet Type: Initial (0)
    .... 00.. = Reserved: 0
    .... ..00 = Packet Number Length: 1 bytes (0)
    Version: 1 (0x00000001)
    Destination Connection ID Length: 20
    Destination Connection ID: e5ec6b26584229be98a164349ae910351c40d10b
    Source Connection ID Length: 8
    Source Connection ID: c15d62c70884f4b5
    Token Length: 0
    Length: 1162
    Packet Number: 1
    Payload: 91c44b170b755810b3ed6dd29abfd9785b4bcad421c8251573e37596379bc08bf7c37929…
    ACK
        Frame Type: ACK (0x0000000000000002)
        Largest Acknowledged: 0
        ACK Delay: 0
        ACK Range Count: 0
        First ACK Range: 0
    CRYPTO
        Frame Type: CRYPTO (0x0000000000000006)
        Offset: 0
        Length: 90
        Crypto Data
        TLSv1.3 Record Layer: Handshake Protocol: Server Hello
            Handshake Protocol: Server Hello
                Handshake Type: Server Hello (2)
                Length: 86
                Version: TLS 1.2 (0x0303)
                Random: 1ff5c4079b69042c6c3369314219a3a4baaa6fe5b7eb9774c873c827489bd216
                Session ID Length: 0
                Cipher Suite: TLS_AES_128_GCM_SHA256 (0x1301)
                Compression Method: null (0)
                Extensions Length: 46
                Extension: key_share (len=36)
                    Type: key_share (51)
                    Length: 36
                    Key Share extension
                        Key Share Entry: Group: x25519, Key Exchange length: 32
                            Group: x25519 (29)
                            Key Exchange Length: 32
                            Key Exchange: f49ba420260401c38b1306c373042ff1b8ac368a88417af65d76b26c1a791f77
                Extension: supported_versions (len=2)
                    Type: supported_versions (43)
                    Length: 2
                    Supported Version: TLS 1.3 (0x0304)
                [JA3S Fullstring: 771,4865,51-43]
                [JA3S: eb1d94daa7e0344597e756a1fb6e7054]
    PADDING Length: 1046
        Frame Type: PADDING (0x0000000000000000)
        [Padding Length: 1046]
`.slice(1, -1);

test('quic: a decrypted server Initial equals tshark -V; the ClientHello in the client Initial', { skip }, () => {
  const seen: number[] = [];
  dissectFile(join(dir!, 'zeek/quic/curl-8.1.2-dev-http3-www-google-de.pcap'), (p) => {
    if (p.num === 1) {
      seen.push(1);
      assert.equal(p.info, 'Initial, DCID=815d62c70884f4b51e8ccadd5beed372, SCID=e5ec6b26584229be98a164349ae910351c40d10b, PKN: 0, CRYPTO');
      assert.equal(fieldValues(p, 'tls.handshake.extensions_server_name'), 'www.google.de');
      assert.equal(fieldValues(p, 'tls.handshake.extensions_alpn_str'), 'h3,h3-29,h3-28,h3-27');
      assert.equal(fieldValues(p, 'tls.quic.parameter.initial_max_data'), '1048576');
      assert.equal(fieldValues(p, 'tls.handshake.ja3'), 'f75253b5e2b4dcb3fdae9b78ce8c6e49');
      assert.equal(fieldValues(p, 'tls.handshake.ja4').slice(0, 10), 'q13d0308h3');
    }
    if (p.num === 2) {
      seen.push(2);
      assert.equal(quicSubtree(treeText(p)), SERVER_INITIAL);
    }
    if (p.num === 8) {
      seen.push(8);
      assert.equal(p.info, 'Protected Payload (KP0), DCID=e5ec6b26584229be98a164349ae910351c40d10b');
    }
  });
  assert.deepEqual(seen, [1, 2, 8]);
});

test('quic: hostile datagrams (connection id and length fields past the data, random bodies) never throw', () => {
  const rnd = prng(9);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 300; i++) {
    const n = 7 + Math.floor(rnd() * 300);
    const pl = new Uint8Array(n);
    for (let k = 0; k < n; k++) pl[k] = Math.floor(rnd() * 256);
    pl[0] = 0xc0 | (pl[0]! & 0x3f);
    pl[1] = 0; pl[2] = 0; pl[3] = 0; pl[4] = 1; // version 1
    pl[5] = Math.floor(rnd() * 24);
    if (6 + pl[5] < n) pl[6 + pl[5]] = Math.floor(rnd() * 24); // source CID length
    frames.push(ipv4Frame(17, 30000 + (i % 7), 443, pl));
  }
  const out = dissectBytes(frames);
  assert.equal(out.length, 300);
  for (const o of out) assert.doesNotMatch(o.tree, /dissector bug/);
  assert.ok(out.filter((o) => o.proto === 'QUIC').length > 200);
});

test('quic: the UDP heuristic takes a long header as tshark does (13 bytes at least, both CID lengths present and ≤ 20)', { skip }, () => {
  // payload → tshark's frame.protocols ending, for draft-29 long headers on unregistered ports
  const cases: [string, string][] = [
    ['c3ff00001d' + '00' + '00' + '00'.repeat(6), 'quic'], // 13 bytes
    ['c3ff00001d' + '00' + '00' + '00'.repeat(5), 'data'], // 12 bytes
    ['c3ff00001d' + '08' + '00'.repeat(8), 'data'], // no source CID length
    ['c3ff00001d' + '08' + '00'.repeat(8) + '05', 'quic'],
    ['c3ff00001d' + '00' + '14' + '00'.repeat(40), 'quic'],
    ['c3ff00001d' + '00' + '15' + '00'.repeat(40), 'data'],
    ['c3ff00001d' + '15' + '00'.repeat(21) + '00' + '00'.repeat(20), 'data'],
  ];
  const out = dissectBytes(cases.map(([h], i) => ipv4Frame(17, 40000 + i, 50000, hex(h))));
  assert.deepEqual(out.map((o) => o.protocols.split(':').pop()), cases.map(([, want]) => want));
  const rows: string[] = [];
  dissectFile(join(dir!, 'ndpi/1kxun.pcap'), (p) => {
    if (p.num === 489) rows.push(`${p.protocolsString()} ${p.proto} ${p.info}`);
  });
  // tshark -n -r ndpi/1kxun.pcap: ff ff0000a0 00 5c… (a source CID length of 92)
  assert.deepEqual(rows, ['eth:ethertype:ip:udp:data UDP 60480 → 62976 Len=317']);
});

test('quic: fragmented CRYPTO reaches TLS when only a few fields are built (-T fields, filters)', { skip }, () => {
  const want = new Uint8Array(fieldCount());
  for (const n of ['tls.handshake.type', 'tls.handshake.extensions_server_name']) want[fieldByName(n)!.id] = 1;
  const sni = new Map<number, string>();
  dissectFile(join(dir!, 'zeek/quic/quic-multiple-initial-fragmented-crypto.pcap'), (p) => {
    const s = fieldValues(p, 'tls.handshake.extensions_server_name');
    if (s) sni.set(p.num, s);
  }, want);
  assert.deepEqual([...sni], [[3, 'googleads.g.doubleclick.net']]);
});
