// SSH against tshark 4.0: golden Protocol/Info columns of real captures (banners, KEXINIT, key
// exchange messages named by the negotiated method, encrypted packets, SSH 1), KEXINIT fields and
// hassh, and hostile packets staying bounded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, compareGolden, dissectFile, fieldValues, hex } from './golden.testutil.js';
import { Engine } from '../core/dissect.js';
import { treeProblem } from '../test-support/tree-check.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const COLUMNS = ['frame.protocols', '_ws.col.Protocol', '_ws.col.Info'] as const;
const GOLDEN_CAPTURES = ['zeek/var-services-std-ports.pcap', 'zeek/http/get-to-ssh-server.pcap', 'tcpdump/ipoib.pcap', 'zeek/tunnels/gre-sample.pcap'];

test('ssh: golden columns (protocols, Protocol, Info) equal tshark on SSH rows', { skip }, () => {
  let cells = 0;
  const bad: string[] = [];
  for (const rel of GOLDEN_CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    const r = compareGolden(rel, COLUMNS, { rowFilter: (get) => /:ssh(:|$)/.test(get('frame.protocols')) });
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want.slice(0, 160)}\n  got  ${m.got.slice(0, 160)}`);
  }
  assert.ok(cells > 150, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

test('ssh: banner, KEXINIT name-lists and hassh, group exchange, encrypted packets', { skip }, () => {
  const infos = new Map<number, string>();
  dissectFile(join(dir!, 'zeek/var-services-std-ports.pcap'), (p) => {
    if (!p.proto.startsWith('SSH')) return;
    infos.set(p.num, `${p.proto} ${p.info}`);
    if (p.num === 8) assert.equal(fieldValues(p, 'ssh.protocol'), 'SSH-2.0-OpenSSH_5.2');
    if (p.num === 10) {
      assert.match(fieldValues(p, 'ssh.kex_algorithms'), /^diffie-hellman-group-exchange-sha256,/);
      assert.match(fieldValues(p, 'ssh.cookie'), /^[0-9a-f]{32}$/); // 16 bytes
      assert.equal(fieldValues(p, 'ssh.kex.hassh'), '21b457a327ce7a2d4fce5ef2c42400bd'); // as tshark
      assert.equal(fieldValues(p, 'ssh.direction'), '0');
    }
  });
  assert.equal(infos.get(6), 'SSH Server: Protocol (SSH-2.0-OpenSSH_5.8p1 Debian-1ubuntu3)');
  assert.equal(infos.get(14), 'SSHv2 Client: Diffie-Hellman Group Exchange Request');
  assert.equal(infos.get(18), 'SSHv2 Server: Diffie-Hellman Group Exchange Reply, New Keys');
  assert.equal(infos.get(22), 'SSHv2 Client: Encrypted packet (len=48)');
});

test('ssh: SSH 1 (public key, session key, encrypted packets)', { skip }, () => {
  const infos = new Map<number, string>();
  dissectFile(join(dir!, 'arkime/v6.pcap'), (p) => { if (p.proto.startsWith('SSH')) infos.set(p.num, `${p.proto} ${p.info}`); });
  assert.equal(infos.get(21), 'SSHv1 Server: Public Key');
  assert.equal(infos.get(22), 'SSHv1 Client: Session Key');
  assert.equal(infos.get(24), 'SSHv1 Server: Encrypted packet (len=5)');
});

test('an encrypted packet cut by the snaplen within its length field adds no item of negative length', () => {
  // TCP to port 22, 3 payload bytes captured of 12 (not a plausible clear packet): the encrypted
  // packet's bytes after the 4-byte length were an item of length -1 (found by mutation fuzzing)
  const data = hex('00112233445500aabbccddee0800 4500003400010000400600000a0000010a000002 c35000160000000100000001501800ff00000000 ffffff');
  const e = new Engine({ want: null });
  const p = e.dissect({ num: 1, tsSec: 1, tsNsec: 0, caplen: data.length, len: data.length + 9, linktype: 1, iface: -1, comments: undefined }, data, new DataView(data.buffer), 0);
  assert.equal(p.proto, 'SSH');
  assert.equal(treeProblem(p), undefined);
});
