// JXTA: tshark's TCP heuristic claim of snaplen-cut payloads (zeek/tcp/timestamp.pcap), as tshark
// 4.0 prints it, and the payloads it leaves alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, compareGolden, dissectFile, treeText } from './golden.testutil.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

test('jxta: a cut payload whose first header name is captured but not its value length is JXTA, truncated', { skip }, () => {
  const rows: string[] = [];
  let tree = '';
  dissectFile(join(dir!, 'zeek/tcp/timestamp.pcap'), (p) => {
    if (p.num === 84 || p.num === 85) rows.push(`${p.num} ${p.protocolsString()} ${p.proto} ${p.info}`);
    if (p.num === 85) tree = treeText(p);
  });
  // tshark -n -r zeek/tcp/timestamp.pcap: 30 of 1448 bytes captured; #85 starts with 0x1d (a
  // 29-byte name), #84 with 0x89
  assert.deepEqual(rows, [
    '84 eth:ethertype:ip:tcp:data TCP 12345 → 60706 [ACK] Seq=65161 Ack=1 Win=29056 Len=1448 TSval=532122522 TSecr=602505157',
    '85 eth:ethertype:ip:tcp:jxta TCP 12345 → 60706 [ACK] Seq=66609 Ack=1 Win=29056 Len=1448 TSval=532122522 TSecr=602505157[Packet size limited during capture]',
  ]);
  assert.match(tree, /\n\[Packet size limited during capture: JXTA truncated\]\n?$/);
  const r = compareGolden('zeek/tcp/timestamp.pcap', ['frame.protocols', '_ws.col.Protocol', '_ws.col.Info']);
  assert.ok(r && r.cells > 2000, `compared ${r?.cells}`);
  assert.deepEqual(r!.mismatches, []);
});
