// --export-objects http,DIR: file names as tshark 4.0 gives them (measured on the corpus), the
// counter for repeated names, and the CLI run on a real capture (the bodies decoded).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { objectFileName, parseExportObjects, writeHttpObjects } from './export-objects.js';
import { capturesDir } from '../dissectors/golden.testutil.js';
import { run } from './cli.js';

test('export-objects: names from the request URI as tshark names them', () => {
  assert.equal(objectFileName('/'), '%2f');
  assert.equal(objectFileName('/fileupload/'), 'fileupload');
  assert.equal(objectFileName('/fileupload/servlet/UploadHandleServlet'), 'UploadHandleServlet');
  assert.equal(objectFileName('/httpgallery/chunked/chunkedimage.aspx?0.2911017199439567'), 'chunkedimage.aspx%3f0.2911017199439567');
  assert.equal(objectFileName('http://example.test/a/b.css'), 'b.css');
  assert.deepEqual(parseExportObjects('http,/tmp/x'), { proto: 'http', dir: '/tmp/x' });
  assert.equal(parseExportObjects('foo,/tmp/x'), undefined);
  assert.equal(parseExportObjects('http'), undefined);
});

test('export-objects: a repeated name gets (1), (2) … before its extension, also against files already there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wl-http-eo-'));
  try {
    const o = (uri: string, s: string): { frame: number; hostname: string; contentType: string; uri: string; data: Uint8Array } =>
      ({ frame: 1, hostname: 'h', contentType: 'text/plain', uri, data: new TextEncoder().encode(s) });
    assert.deepEqual(writeHttpObjects([o('/a.png', '1'), o('/x/a.png', '2'), o('/s', '3'), o('/s', '4')], dir), ['a.png', 'a(1).png', 's', 's(1)']);
    assert.deepEqual(writeHttpObjects([o('/a.png', '5')], dir), ['a(2).png']);
    assert.equal(readFileSync(join(dir, 'a(1).png'), 'utf8'), '2');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const caps = capturesDir();
test('export-objects: wirelens -q --export-objects http,DIR writes tshark\'s files (pipelined-requests.pcap)', { skip: caps === undefined ? 'captures not found' : false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wl-http-eo-'));
  try {
    const code = await run(['-r', join(caps!, 'zeek/http/pipelined-requests.pcap'), '-q', '--export-objects', `http,${dir}`]);
    assert.equal(code, 0);
    // tshark -r zeek/http/pipelined-requests.pcap -q --export-objects http,DIR (names and sizes)
    const got = readdirSync(dir).sort().map((n) => `${n} ${statSync(join(dir, n)).size}`);
    assert.deepEqual(got, ['bullet_utility.png 94', 'enhanced.css 2675', 'header-sunbird.png 27579', 'key-point-top.png 2349', 'urchin.js 21421']);
    assert.equal(existsSync(join(dir, 'enhanced.css')), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export-objects: names past 255 bytes are cut keeping the extension, as tshark cuts them (ndpi/1kxun.pcap stopped on ENAMETOOLONG)', () => {
  const long = '/api/messages?min_id=0&' + 'x'.repeat(300) + '&_v=2.8.2.1&_channel=1kxun&_=1654385125';
  const name = objectFileName(long);
  assert.equal(name.length, 255);
  assert.ok(name.startsWith('messages%3fmin_id=0&xxx'), name);
  assert.ok(name.endsWith('.1&_channel=1kxun&_=1654385125'), name);
  const dir = mkdtempSync(join(tmpdir(), 'wl-eo-long-'));
  try {
    const names = writeHttpObjects([
      { uri: long, data: new Uint8Array([1]) }, { uri: long, data: new Uint8Array([2]) },
      { uri: '/' + 'y'.repeat(400), data: new Uint8Array([3]) }, { uri: '/' + 'y'.repeat(400), data: new Uint8Array([4]) },
    ].map((o, i) => ({ ...o, frame: i + 1, hostname: 'h', contentType: '' })), dir);
    assert.equal(names.length, 4);
    assert.ok(names.every((n) => Buffer.byteLength(n) <= 255), names.join('\n'));
    assert.ok(names[1]!.endsWith('(1).1&_channel=1kxun&_=1654385125'), names[1]);
    assert.ok(names[3]!.endsWith('y(1)'), names[3]);
    assert.deepEqual(readdirSync(dir).sort(), [...names].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
