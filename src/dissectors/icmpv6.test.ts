// ICMPv6: types and codes, ND/MLD/RR bodies and options, errors quoting IPv6, checksum, echo
// matching (one pass like the goldens; "reply in" on a second pass), and the goldens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Engine } from '../core/dissect.js';
import { block, capturesDir, frameTree, linkAgreement, readFrames, treeText } from './golden.testutil.js';

test('Neighbor Advertisement with flags and a target link-layer option', (t) => {
  const tree = frameTree('zeek/ipv6-http-atomic-frag.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Internet Control Message Protocol v6'), [
    'Internet Control Message Protocol v6',
    '    Type: Neighbor Advertisement (136)',
    '    Code: 0',
    '    Checksum: 0x546c [correct]',
    '    [Checksum Status: Good]',
    '    Flags: 0xe0000000, Router, Solicited, Override',
    '        1... .... .... .... .... .... .... .... = Router: Set',
    '        .1.. .... .... .... .... .... .... .... = Solicited: Set',
    '        ..1. .... .... .... .... .... .... .... = Override: Set',
    '        ...0 0000 0000 0000 0000 0000 0000 0000 = Reserved: 0',
    '    Target Address: 2001:db8:1::1',
    '    ICMPv6 Option (Target link-layer address : aa:00:04:00:0a:04)',
    '        Type: Target link-layer address (2)',
    '        Length: 1 (8 bytes)',
    '        Link-layer address: aa:00:04:00:0a:04',
  ].join('\n'));
});

test('Router Advertisement with prefix information', (t) => {
  const tree = frameTree('arkime/v6-http.pcap', 33);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  const b = block(tree, 'Internet Control Message Protocol v6')!;
  assert.match(b, /\n    Flags: 0x00, Prf \(Default Router Preference\): Medium\n        0\.\.\. \.\.\.\. = Managed address configuration: Not set\n/);
  assert.match(b, /\n    ICMPv6 Option \(Prefix information : 2001:6f8:102d::\/64\)\n        Type: Prefix information \(3\)\n        Length: 4 \(32 bytes\)\n        Prefix Length: 64\n        Flag: 0xc0, On-link flag\(L\), Autonomous address-configuration flag\(A\)\n/);
  assert.match(b, /\n        Reserved\n        Prefix: 2001:6f8:102d::/);
});

test('errors quote the invoking packet as IPv6 and keep the outer columns', (t) => {
  const tree = frameTree('zeek/icmp/icmp6-toobig.pcap', 1);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  const b = block(tree, 'Internet Control Message Protocol v6')!;
  assert.match(b, /\n    MTU: 1280\n    Internet Protocol Version 6, Src: fe80::beef, Dst: fe80::dead\n        0110 \.\.\.\. = Version: 6\n/);
});

test('echo reply matched to its request; a second pass names the reply', (t) => {
  const dir = capturesDir();
  if (!dir) { t.skip('corpus absent'); return; }
  const cap = readFrames(join(dir, 'zeek/icmp/icmp6-ping.pcap'));
  const eng = new Engine({ want: null });
  const infos: string[] = [];
  for (const fr of cap.frames) infos.push(eng.dissect(fr, fr.buf, fr.dv, fr.off).info);
  assert.equal(infos[0], 'Echo (ping) request id=0x0001, seq=3, hop limit=128');
  assert.equal(infos[1], 'Echo (ping) reply id=0x0001, seq=3, hop limit=47 (request in 1)');
  const reply = treeText(eng.dissect(cap.frames[1]!, cap.frames[1]!.buf, cap.frames[1]!.dv, cap.frames[1]!.off));
  assert.match(reply, /\n    \[Response To: 1\]\n    \[Response Time: 35\.552 ms\]\n/);
  eng.session.visited = true;
  const p = eng.dissect(cap.frames[0]!, cap.frames[0]!.buf, cap.frames[0]!.dv, cap.frames[0]!.off);
  assert.equal(p.info, 'Echo (ping) request id=0x0001, seq=3, hop limit=128 (reply in 2)');
  assert.match(treeText(p), /\n    \[Response In: 2\]\n/);
});

test('ICMPv6 goldens: type, protocols, Protocol and Info', (t) => {
  const files = [
    'zeek/icmp/icmp6-ping.pcap', 'zeek/icmp/icmp6-nd-options.pcap', 'zeek/icmp/icmp6-neighbor-solicit.pcap', 'zeek/icmp/icmp6-neighbor-advert.pcap',
    'zeek/icmp/icmp6-router-solicit.pcap', 'zeek/icmp/icmp6-router-advert.pcap', 'zeek/icmp/icmp6-redirect.pcap', 'zeek/icmp/icmp6-toobig.pcap',
    'zeek/icmp/icmp6-mldv2.pcap', 'tcpdump/icmpv6.pcap', 'tcpdump/icmpv6-ra-pref64.pcap', 'tcpdump/icmpv6-RFC2894-RR.pcap',
    'tcpdump/icmpv6-ns-nonce.pcap', 'tcpdump/icmpv6-length-zero.pcapng', 'arkime/v6.pcap',
  ];
  for (const rel of files) {
    const a = linkAgreement(rel);
    if (!a) { t.skip('corpus absent'); return; }
    assert.deepEqual(a.mismatches, [], rel);
  }
});
