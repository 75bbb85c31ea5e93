// Deprecated protocol names (ssl → tls, bootp → dhcp): accepted like tshark accepts them, with a
// `deprecated` warning on the compile result (the UI's filter bar turns yellow); counts equal the
// new name's on a real capture.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../dissectors/index.js';
import { runPipeline } from '../node/pipeline.js';
import { compileFilter } from './index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CAPS = resolve(repo, '../shared/captures');

test('deprecated names compile to the new fields and say so', () => {
  for (const [old, now] of [['ssl', 'tls'], ['bootp', 'dhcp'], ['ssl.record.content_type == 22', 'tls.record.content_type == 22'], ['bootp.option.type == 53', 'dhcp.option.type == 53']]) {
    const a = compileFilter(old!);
    const b = compileFilter(now!);
    assert.ok(a.ok && b.ok, old);
    assert.deepEqual(a.filter.fields, b.filter.fields, old);
    assert.deepEqual(a.filter.deprecated, [old!.split(' ')[0]]);
    assert.equal(b.filter.deprecated, undefined);
  }
  const r = compileFilter('ssl or ssl.record or tcp');
  assert.ok(r.ok);
  assert.deepEqual(r.filter.deprecated, ['ssl', 'ssl.record']);
  // only whole protocol names: "sslx" stays unknown
  const bad = compileFilter('sslx');
  assert.ok(!bad.ok);
  assert.match(bad.error.message, /sslx is neither a field nor a protocol name/);
});

test('a deprecated name matches what the new one matches', { skip: !existsSync(CAPS) && 'no corpus' }, async () => {
  const files = [['zeek/dhcp/dhcp.pcap', 'bootp', 'dhcp'], ['scapy/tls_new-session-ticket.pcap', 'ssl', 'tls']]
    .map(([p, a, b]) => [join(CAPS, p!), a!, b!] as const).filter(([f]) => existsSync(f));
  for (const [f, old, now] of files) {
    const count = async (flt: string): Promise<number> => {
      const c = compileFilter(flt);
      assert.ok(c.ok);
      return (await runPipeline(f, { filter: c.filter, cols: false }, () => undefined)).displayed;
    };
    const n = await count(now);
    assert.ok(n > 0, `${f}: ${now}`);
    assert.equal(await count(old), n, f);
  }
});
