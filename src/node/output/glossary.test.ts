import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import '../../dissectors/index.js';
import { fixture } from '../cli.testutil.js';
import { glossaryFields, glossaryProtocols, glossaryValues } from './glossary.js';

test('-G fields: tshark line format; eth fields equal tshark', () => {
  const mine = glossaryFields().split('\n').filter((l) => l !== '');
  for (const l of mine) {
    const c = l.split('\t');
    if (c[0] === 'P') assert.equal(c.length, 3, l);
    else {
      assert.equal(c[0], 'F', l);
      assert.equal(c.length, 8, l);
      assert.match(c[3]!, /^FT_/);
      assert.match(c[6]!, /^0x[0-9a-f]+$/);
    }
  }
  assert.ok(mine.includes('P\tEthernet\teth'));
  const ref = fixture('G-fields-eth-frame.txt').split('\n').filter((l) => l !== '');
  const byAbbrev = new Map(ref.map((l) => [l.split('\t')[2]!, l]));
  // the eth fields wirelens registers read exactly as tshark's
  for (const abbrev of ['eth.dst', 'eth.src', 'eth.type', 'eth.addr', 'eth.dst.lg', 'eth.ig', 'eth.padding', 'eth.trailer', 'eth.len']) {
    const l = mine.find((x) => x.split('\t')[2] === abbrev);
    assert.ok(l, abbrev);
    assert.equal(l, byAbbrev.get(abbrev));
  }
});

test('-G protocols and -G values', () => {
  assert.ok(glossaryProtocols().split('\n').includes('Ethernet\tEthernet\teth'));
  assert.ok(glossaryValues().split('\n').includes('V\teth.type\t0x800\tIPv4'));
});

test('-G ftypes uses tshark names and descriptions; -G fieldcount', async () => {
  const { glossaryFtypes, glossaryFieldCount } = await import('./glossary.js');
  const l = glossaryFtypes().split('\n');
  assert.ok(l.includes('FT_UINT16\tUnsigned integer (2 bytes)'));
  assert.ok(l.includes('FT_IPv4\tIPv4 address'));
  assert.match(glossaryFieldCount(), /^There are \d+ header fields registered, of which:\n\t0 are deregistered\n\t\d+ are protocols\n/);
});

test('-G fields: each field names the protocol tshark 4.0 names (the fields registered after a second protocol of a file are the first one\'s)', (t) => {
  const r = spawnSync('tshark', ['-G', 'fields'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) return t.skip('tshark not installed');
  const theirs = new Map<string, Set<string>>();
  for (const l of r.stdout.split('\n')) {
    const c = l.split('\t');
    if (c[0] !== 'F') continue;
    let s = theirs.get(c[2]!);
    if (!s) theirs.set(c[2]!, (s = new Set()));
    s.add(c[4]!);
  }
  // tshark 4.0 lists the CAN fields (can.id …) once, under the IEEE 1722 ACF-CAN protocol that
  // registers them again; they are CAN's here
  const ACF_CAN = /^can(fd)?\./;
  const wrong: string[] = [];
  let compared = 0;
  for (const l of glossaryFields().split('\n')) {
    const c = l.split('\t');
    const parents = c[0] === 'F' ? theirs.get(c[2]!) : undefined;
    if (parents === undefined || ACF_CAN.test(c[2]!)) continue;
    compared++;
    if (!parents.has(c[4]!)) wrong.push(`${c[2]}: ${c[4]}, tshark ${[...parents].join('/')}`);
  }
  assert.ok(compared > 2500, `${compared} fields compared`);
  assert.deepEqual(wrong, []);
});
