import { test } from 'node:test';
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
