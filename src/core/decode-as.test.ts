// Decode As: tshark's -d syntax (==, the "=" warning, ranges) and its error texts, measured with
// tshark 4.0 (`tshark -r F -d …`), applied to the real tcp.port table.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../dissectors/index.js';
import { applyDecodeAs, DecodeAsError, parseDecodeAs } from './decode-as.js';
import { tables } from './table.js';

const message = (spec: string): string => {
  try {
    parseDecodeAs(spec);
  } catch (e) {
    if (e instanceof DecodeAsError) return e.message;
    throw e;
  }
  return '';
};

test('decode-as: a rule binds the keys of a selector (one port, a range, a count) to the protocol', () => {
  const port = tables.get('tcp.port')!;
  try {
    const r = applyDecodeAs('tcp.port==8765,http');
    assert.deepEqual(r.keys, [8765]);
    assert.equal(port.get(8765)?.name, 'http');
    assert.deepEqual(parseDecodeAs('tcp.port==8000-8002,http').keys, [8000, 8001, 8002]);
    assert.deepEqual(parseDecodeAs('tcp.port==9000:3,http').keys, [9000, 9001, 9002]);
    assert.equal(parseDecodeAs('udp.port==5353,dns').table.name, 'udp.port');
  } finally {
    port.clearDecodeAs();
  }
  assert.notEqual(port.get(8765)?.name, 'http');
});

test('decode-as: tshark\'s warnings and errors', () => {
  assert.equal(parseDecodeAs('tcp.port=80,http').warning, 'WARNING: -d requires "==" instead of "=". Option will be treated as "tcp.port==80,http"');
  assert.equal(message('tcp.port==abc,http'), 'Invalid selector number "abc"');
  assert.match(message('foo.port==80,http'), /^Unknown layer type -- foo\.port\nValid layer types are:\n(\t\S+ \(.*\)\n)*\ttcp\.port \(TCP port\)\n/);
  assert.match(message('tcp.port==80,nosuch'), /^Unknown protocol -- "nosuch"\nValid protocols for layer type "tcp\.port" are:\n(\t.*\n)*\thttp \(Hypertext Transfer Protocol\)\n/);
  assert.match(message('tcp.port==8080'), /^Parameter "tcp\.port==8080" doesn't follow the template "<layer_type>==<selector>,<decode_as_protocol>"\nValid protocols for layer type "tcp\.port" are:\n/);
  assert.equal(message('tcp.port,http'), 'WARNING: -d requires "==" instead of "=". Option will be treated as "tcp.port==http"\nParameter "tcp.port,http" doesn\'t follow the template "<layer_type>==<selector>,<decode_as_protocol>"');
});
