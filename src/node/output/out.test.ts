// The output writer's pieces against the strings they stand for (String(), padStart/padEnd).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Out } from './out.js';

/** What `fn` writes through an Out (small limit: flushes happen in between). */
function written(fn: (o: Out) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'wl-out-'));
  try {
    const f = join(dir, 'o');
    const fd = openSync(f, 'w');
    const o = new Out(fd, 64);
    fn(o);
    o.flush();
    closeSync(fd);
    return readFileSync(f, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('uint: decimal digits, right-aligned with spaces or zeros, at every magnitude', () => {
  const vals = [0, 7, 10, 99, 100, 99999, 1e5, 999999, 1e6, 9999999, 1e7, 123456789, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 1e15, 2 ** 53 - 1];
  assert.equal(written((o) => { for (const v of vals) { o.uint(v, 12); o.byte(10); o.end(); } }),
    vals.map((v) => String(v).padStart(12) + '\n').join(''));
  assert.equal(written((o) => { o.uint(42, 6, 0x30); o.uint(1234567, 3); }), '0000421234567');
});

test('padded and text: ASCII, non-ASCII and long texts as padStart/padEnd would lay them out', () => {
  const texts = ['', '10.0.0.1', 'fe80::1', 'ünïcödé', '→', 'a \u{1F600} b', ' → ', 'ß€\uFFFD', 'a-name-longer-than-twenty-four-chars', '日本語のテキスト'];
  const expect = texts.map((s) => `${s.padStart(12)}|${s.padEnd(12)}|${s}\n`).join('');
  assert.equal(written((o) => {
    for (const s of texts) {
      o.padded(s, 12, false);
      o.byte(0x7c);
      o.padded(s, 12, true);
      o.byte(0x7c);
      o.text(s);
      o.byte(10);
      o.end();
    }
  }), expect);
});
