// The PDU reassembly engine: segments in order, retransmitted, out of order, "one more segment",
// and the memory bounds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEED_ONE_MORE, NEED_UNTIL_FIN, RA, segmentsLabel, TcpDirReassembly, TcpReassemblyBudget } from './tcp-reassembly.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

test('a PDU over three segments, with a retransmission and an out-of-order segment', () => {
  const r = new TcpDirReassembly(new TcpReassemblyBudget());
  // "HEADER:0010" + 10 bytes of body = 21 bytes, sent as 8 + 7 + 6 bytes from seq 1000
  assert.equal(r.start(1000, bytes('HEADER:0'), 4, 21), RA.PENDING);
  assert.equal(r.add(1015, bytes('456789'), 6), RA.PENDING); // out of order: held
  assert.equal(r.add(1000, bytes('HEADER:0'), 5), RA.IGNORED); // retransmission of held bytes
  assert.equal(r.add(1008, bytes('010|123'), 7), RA.COMPLETE);
  assert.equal(text(r.pdu), 'HEADER:0010|123456789');
  assert.equal(r.rest, 0);
  assert.deepEqual(r.frames, [4, 8, 7, 7, 6, 6]);
  assert.equal(segmentsLabel(r.frames, 21), '[3 Reassembled TCP Segments (21 bytes): #4(8), #7(7), #6(6)]');
  assert.equal(r.active, false);
  assert.equal(r.add(1021, bytes('next'), 8), RA.NONE);
});

test('an overlapping retransmission adds only its new bytes; bytes past the PDU are left over', () => {
  const r = new TcpDirReassembly(new TcpReassemblyBudget());
  r.start(0xfffffffe, bytes('abcd'), 1, 8); // wraps around 2^32
  assert.equal(r.add(0, bytes('cdefghXY'), 2), RA.COMPLETE);
  assert.equal(text(r.pdu), 'abcdefgh');
  assert.equal(r.rest, 2);
  assert.deepEqual(r.frames, [1, 4, 2, 4]);
});

test('"one more segment" completes with whatever the next segment brings', () => {
  const r = new TcpDirReassembly(new TcpReassemblyBudget());
  r.start(10, bytes('GET / HTTP/1.1\r\nHost: a'), 1, NEED_ONE_MORE);
  assert.equal(r.add(33, bytes('\r\n\r\n'), 2), RA.COMPLETE);
  assert.equal(text(r.pdu), 'GET / HTTP/1.1\r\nHost: a\r\n\r\n');
});

test('memory bounds: per direction and per capture', () => {
  const budget = new TcpReassemblyBudget(1000);
  const a = new TcpDirReassembly(budget, 100);
  assert.equal(a.start(0, new Uint8Array(50), 1, 1_000_000_000), RA.OVERFLOW);
  assert.equal(budget.used, 0);
  assert.equal(a.start(0, new Uint8Array(50), 1, 90), RA.PENDING);
  assert.equal(budget.used, 90);
  const b = new TcpDirReassembly(budget, 10_000);
  assert.equal(b.start(0, new Uint8Array(10), 2, 950), RA.OVERFLOW);
  assert.equal(a.add(50, new Uint8Array(40), 3), RA.COMPLETE);
  assert.equal(budget.used, 0);
  assert.equal(b.start(0, new Uint8Array(10), 4, 950), RA.PENDING);
  b.reset();
  assert.equal(budget.used, 0);
});

test('resume keeps the segment list; flush completes a PDU that runs until the connection closes', () => {
  const r = new TcpDirReassembly(new TcpReassemblyBudget());
  assert.equal(r.start(100, bytes('HEAD'), 1, NEED_ONE_MORE), RA.PENDING);
  assert.equal(r.add(104, bytes('ER\n'), 2), RA.COMPLETE);
  assert.deepEqual(r.frames, [1, 4, 2, 3]);
  // the headers are complete; the body's length is unknown: until FIN
  assert.equal(r.resume(100, r.pdu, r.frames, NEED_UNTIL_FIN), RA.PENDING);
  assert.equal(r.add(107, bytes('body'), 3), RA.PENDING);
  assert.equal(r.flush(), RA.COMPLETE);
  assert.equal(text(r.pdu), 'HEADER\nbody');
  assert.deepEqual(r.frames, [1, 4, 2, 3, 3, 4]);
  assert.equal(r.flush(), RA.NONE);
});

test('recycled buffers (summary runs): PDUs stay byte-exact, released buffers are reused, the budget returns to zero', () => {
  const budget = new TcpReassemblyBudget();
  budget.recycle = true;
  const r = new TcpDirReassembly(budget);
  const seen: ArrayBufferLike[] = [];
  let seq = 5000;
  for (let i = 0; i < 4; i++) {
    budget.frame = 10 * i + 1;
    const body = `PDU${i}:` + 'x'.repeat(40 - i);
    const a = bytes(body.slice(0, 10)), b = bytes(body.slice(10, 20)), c = bytes(body.slice(20));
    assert.equal(r.start(seq, a, 10 * i + 1, body.length), RA.PENDING);
    budget.frame = 10 * i + 2;
    assert.equal(r.add(seq + 10, b, 10 * i + 2), RA.PENDING);
    budget.frame = 10 * i + 3;
    assert.equal(r.add(seq + 20, c, 10 * i + 3), RA.COMPLETE);
    assert.equal(text(r.pdu), body);
    seen.push(r.pdu.buffer);
    seq += body.length;
  }
  assert.equal(budget.used, 0);
  // the later PDUs took their buffers from the pool: fewer distinct ArrayBuffers than PDUs
  assert.ok(new Set(seen).size < seen.length, 'a released buffer was reused');
  // a PDU completed on the connection's FIN is also exact
  assert.equal(r.start(seq, bytes('tail-'), 50, NEED_UNTIL_FIN), RA.PENDING);
  assert.equal(r.add(seq + 5, bytes('bytes'), 51), RA.PENDING);
  assert.equal(r.flush(), RA.COMPLETE);
  assert.equal(text(r.pdu), 'tail-bytes');
});

test('a buffer released during a frame is not reused before the next frame (its PDU is still being read)', () => {
  const budget = new TcpReassemblyBudget();
  budget.recycle = true;
  const r = new TcpDirReassembly(budget);
  budget.frame = 1;
  assert.equal(r.start(0, bytes('AAAA'), 1, 8), RA.PENDING);
  budget.frame = 2;
  assert.equal(r.add(4, bytes('BBBBCCCC'), 2), RA.COMPLETE);
  const first = r.takePdu();
  // the same frame starts another PDU with its remaining bytes: a fresh buffer
  assert.equal(r.start(8, bytes('CCCC'), 2, 8), RA.PENDING);
  assert.equal(text(first), 'AAAABBBB', 'the completed PDU is intact while its frame is dissected');
  budget.frame = 3;
  assert.equal(r.add(12, bytes('DDDD'), 3), RA.COMPLETE);
  const second = r.takePdu();
  assert.equal(text(second), 'CCCCDDDD');
  assert.notEqual(second.buffer, first.buffer, 'frame 2 released the first buffer: not reused in frame 2');
  // the buffers released in frame 2 became reusable in frame 3; the one released in frame 3 waits
  assert.equal(budget.pool.length, 2);
  budget.frame = 4;
  assert.equal(r.start(16, bytes('EEEE'), 4, 8), RA.PENDING);
  assert.equal(budget.pool.length, 2, 'frame 4 took one pooled buffer, and frame 3\'s joined the pool');
  budget.frame = 5;
  assert.equal(r.add(20, bytes('FFFF'), 5), RA.COMPLETE);
  assert.equal(text(r.takePdu()), 'EEEEFFFF');
  assert.equal(budget.used, 0);
});

test('a sparse PDU (start with keep): full length, the kept bytes exact, the rest counted, not copied', () => {
  const budget = new TcpReassemblyBudget();
  const r = new TcpDirReassembly(budget);
  // headers of 8 bytes kept, a 12-byte body counted: 20 bytes in all
  assert.equal(r.start(0, bytes('HDR:0012'), 1, 20, 8), RA.PENDING);
  assert.equal(r.add(8, bytes('bodybo'), 2), RA.PENDING);
  assert.equal(r.add(14, bytes('dybody+next'), 3), RA.COMPLETE);
  const pdu = r.takePdu();
  assert.equal(pdu.length, 20);
  assert.equal(text(pdu.subarray(0, 8)), 'HDR:0012');
  assert.equal(pdu.subarray(8).every((b) => b === 0), true, 'body bytes were not copied (a fresh buffer stays zero)');
  assert.deepEqual(r.frames, [1, 8, 2, 6, 3, 6]);
  assert.equal(r.rest, 5);
  assert.equal(budget.used, 0);
});

/** A budget that counts the buffers taken (recycling: each growth of a PDU buffer takes one). */
class CountingBudget extends TcpReassemblyBudget {
  taken = 0;
  override take(n: number): Uint8Array {
    this.taken++;
    return super.take(n);
  }
}

test('a PDU of unknown length grows its buffer by doubling: a long body until FIN is not copied again at each segment', () => {
  const budget = new CountingBudget();
  budget.recycle = true;
  const r = new TcpDirReassembly(budget);
  const seg = new Uint8Array(1400);
  const n = 5000;
  let seq = 1000;
  for (let i = 0; i < n; i++) {
    seg.fill(i & 0xff);
    assert.equal(i === 0 ? r.start(seq, seg, 1, NEED_UNTIL_FIN) : r.add(seq, seg, i + 1), RA.PENDING);
    seq += seg.length;
  }
  // 7 MB in 1,400-byte segments: ~13 doublings (one growth per segment before: 5,000 copies of up
  // to 7 MB, a minute and a half)
  assert.ok(budget.taken <= 16, `${budget.taken} buffers taken`);
  assert.ok(budget.used >= n * seg.length && budget.used <= 2 * n * seg.length, `${budget.used} bytes reserved`);
  assert.equal(r.flush(), RA.COMPLETE);
  const pdu = r.takePdu();
  assert.equal(pdu.length, n * seg.length);
  for (let i = 0; i < n; i += 997) assert.equal(pdu[i * seg.length + 7], i & 0xff);
  assert.equal(budget.used, 0);
});

test('the doubled buffer is not taken when it does not fit the budget: the exact size still does', () => {
  const budget = new TcpReassemblyBudget(1000);
  const r = new TcpDirReassembly(budget);
  assert.equal(r.start(0, new Uint8Array(600), 1, NEED_UNTIL_FIN), RA.PENDING);
  // 600 + 300 fits the 1,000-byte budget, twice 600 would not
  assert.equal(r.add(600, new Uint8Array(300), 2), RA.PENDING);
  assert.equal(budget.used, 900);
  assert.equal(r.add(900, new Uint8Array(200), 3), RA.OVERFLOW);
  assert.equal(budget.used, 0);
});

test('"one more segment" again and again (a chunked body): resume takes the PDU\'s buffer back instead of copying it', () => {
  for (const recycle of [false, true]) {
    const budget = new CountingBudget();
    budget.recycle = recycle;
    const r = new TcpDirReassembly(budget);
    const n = 3000;
    let seq = 0;
    let expect = '';
    for (let i = 0; i < n; i++) {
      budget.frame = i + 1;
      const seg = bytes(`segment ${i};`);
      expect += `segment ${i};`;
      if (i === 0) assert.equal(r.start(seq, seg, 1, NEED_ONE_MORE), RA.PENDING);
      else {
        assert.equal(r.add(seq, seg, i + 1), RA.COMPLETE);
        const pdu = r.takePdu();
        assert.equal(pdu.length, expect.length);
        // the dissector finds the message incomplete and asks for one more segment
        if (i < n - 1) assert.equal(r.resume(0, pdu, r.frames, NEED_ONE_MORE), RA.PENDING);
        else assert.equal(text(pdu), expect, `recycle ${recycle}`);
      }
      seq += seg.length;
    }
    // the buffer grew by doubling (recycling budget: each growth takes one); no copy per segment
    if (recycle) assert.ok(budget.taken <= 16, `${budget.taken} buffers taken`);
    assert.equal(r.frames.length, 2 * n);
    r.reset();
    assert.equal(budget.used, 0);
  }
});

test('a PDU resumed from other bytes than the one just completed is copied; a taken-back buffer is not handed out again', () => {
  const budget = new TcpReassemblyBudget();
  budget.recycle = true;
  budget.frame = 1;
  const r = new TcpDirReassembly(budget);
  r.start(0, bytes('abc'), 1, NEED_ONE_MORE);
  assert.equal(r.add(3, bytes('def'), 2), RA.COMPLETE);
  const pdu = r.takePdu();
  // a copy of the bytes (as tcp.ts passes when the segment had more after the PDU): not taken back
  const other = pdu.slice();
  assert.equal(r.resume(0, other, r.frames, NEED_ONE_MORE), RA.PENDING);
  other.fill(0x21);
  assert.equal(r.add(6, bytes('g'), 3), RA.COMPLETE);
  assert.equal(text(r.takePdu()), 'abcdefg');
  // taken back: a PDU of another connection in a later frame does not get the same buffer
  const r2 = new TcpDirReassembly(budget);
  r2.start(100, bytes('xy'), 4, NEED_ONE_MORE);
  assert.equal(r2.add(102, bytes('z'), 4), RA.COMPLETE);
  const p2 = r2.takePdu();
  assert.equal(r2.resume(100, p2, r2.frames, NEED_ONE_MORE), RA.PENDING);
  budget.frame = 5;
  const r3 = new TcpDirReassembly(budget);
  r3.start(200, bytes('QQQQQQQQ'), 5, 20);
  assert.equal(r2.add(103, bytes('!'), 5), RA.COMPLETE);
  assert.equal(text(r2.takePdu()), 'xyz!');
});
