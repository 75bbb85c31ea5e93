// The connection state machine on corpus captures (normal close, SYN then RST, FIN retransmission,
// RST with data, mid-stream) and on hand-made simultaneous open/close and half-open connections.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir } from '../test-support/inet-golden.js';
import { readSegFacts } from './tcp-facts.testutil.js';
import { TcpSegment } from './tcp-analysis.js';
import { TcpConnState, TcpStateResult, TCP_STATE_NAMES, TCP_STEP_NAMES, packState, unpackState } from './tcp-state.js';

const dir = capturesDir();

/** "client/server step" per segment of one stream of a capture. */
async function story(rel: string, stream = 0): Promise<string[]> {
  const facts = await readSegFacts(join(dir!, rel));
  const c = new TcpConnState();
  const s = new TcpSegment();
  const r = new TcpStateResult();
  const out: string[] = [];
  for (const f of facts) {
    if (f.stream !== stream) continue;
    s.dir = f.dir; s.seq = f.seq; s.ack = f.ack; s.len = f.len; s.flags = f.flags;
    c.step(s, f.dir === 0 ? 50000 : 80, f.dir === 0 ? 80 : 50000, r);
    out.push(line(r));
  }
  return out;
}

function line(r: TcpStateResult): string {
  return `${TCP_STATE_NAMES.get(r.client)}/${TCP_STATE_NAMES.get(r.server)} ${TCP_STEP_NAMES.get(r.step)}${r.inferred ? ' *' : ''}`;
}

const skip = dir ? false : 'no ../shared/captures';

test('normal connection: handshake, data, three-way close (zeek/http/get.pcap)', { skip }, async () => {
  const s = await story('zeek/http/get.pcap');
  assert.deepEqual(s.slice(0, 5), [
    'SYN_SENT/SYN_RECEIVED Handshake 1/3 (SYN)',
    'ESTABLISHED/SYN_RECEIVED Handshake 2/3 (SYN, ACK)',
    'ESTABLISHED/ESTABLISHED Handshake 3/3 (ACK)',
    'ESTABLISHED/ESTABLISHED Data',
    'ESTABLISHED/ESTABLISHED ACK',
  ]);
  assert.deepEqual(s.slice(-3), [
    'FIN_WAIT_1/CLOSE_WAIT Teardown 1/4 (FIN)',
    'TIME_WAIT/LAST_ACK Teardown 2/4 + 3/4 (FIN, ACK of the FIN)',
    'TIME_WAIT/CLOSED Teardown 4/4 (ACK of the FIN)',
  ]);
});

test('SYN then RST; FIN before the SYN-ACK; RST with data mid-stream', { skip }, async () => {
  assert.deepEqual(await story('zeek/tcp/syn-then-rst.pcap'), [
    'SYN_SENT/SYN_RECEIVED Handshake 1/3 (SYN)',
    'CLOSED/CLOSED Reset',
  ]);
  assert.deepEqual(await story('zeek/tcp/fin_retransmission.pcap'), [
    'SYN_SENT/SYN_RECEIVED Handshake 1/3 (SYN)',
    'FIN_WAIT_1/CLOSE_WAIT Teardown 1/4 (FIN)',
    'FIN_WAIT_1/CLOSE_WAIT Handshake 2/3 (SYN, ACK)',
    'FIN_WAIT_1/CLOSE_WAIT Teardown 1/4 (FIN)',
    'CLOSED/CLOSED Reset',
  ]);
  assert.deepEqual(await story('tcpdump/tcp_rst_data.pcap'), ['CLOSED/CLOSED Reset *']);
});

test('a capture that starts mid-connection: inferred ESTABLISHED, client on the higher port', { skip }, async () => {
  const s = await story('ndpi/1kxun.pcap', 23);
  assert.equal(s[0], 'ESTABLISHED/ESTABLISHED Data *');
});

function conv(steps: [0 | 1, number, number, number, string][]): string[] {
  const c = new TcpConnState();
  const s = new TcpSegment();
  const r = new TcpStateResult();
  return steps.map(([d, seq, ack, len, fl]) => {
    s.dir = d; s.seq = seq; s.ack = ack; s.len = len;
    s.flags = (fl.includes('F') ? 1 : 0) | (fl.includes('S') ? 2 : 0) | (fl.includes('R') ? 4 : 0) | (fl.includes('A') ? 16 : 0);
    c.step(s, d === 0 ? 50000 : 80, d === 0 ? 80 : 50000, r);
    const v = packState(r);
    const back = new TcpStateResult();
    unpackState(v, back);
    assert.equal(line(back), line(r));
    return line(r);
  });
}

test('four-way close, simultaneous open and close, half-open after a RST', () => {
  assert.deepEqual(conv([
    [0, 100, 0, 0, 'S'], [1, 500, 101, 0, 'SA'], [0, 101, 501, 0, 'A'],
    [0, 101, 501, 0, 'FA'], [1, 501, 102, 0, 'A'], [1, 501, 102, 0, 'FA'], [0, 102, 502, 0, 'A'],
  ]).slice(3), [
    'FIN_WAIT_1/CLOSE_WAIT Teardown 1/4 (FIN)',
    'FIN_WAIT_2/CLOSE_WAIT Teardown 2/4 (ACK of the FIN)',
    'TIME_WAIT/LAST_ACK Teardown 3/4 (FIN)',
    'TIME_WAIT/CLOSED Teardown 4/4 (ACK of the FIN)',
  ]);
  assert.deepEqual(conv([
    [0, 100, 0, 0, 'S'], [1, 500, 0, 0, 'S'], [0, 100, 501, 0, 'SA'], [1, 500, 101, 0, 'SA'],
  ]), [
    'SYN_SENT/SYN_RECEIVED Handshake 1/3 (SYN)',
    'SYN_RECEIVED/SYN_RECEIVED Simultaneous open (SYN)',
    'SYN_RECEIVED/ESTABLISHED Handshake 2/3 (SYN, ACK)',
    'ESTABLISHED/ESTABLISHED Handshake 2/3 (SYN, ACK)',
  ]);
  assert.deepEqual(conv([
    [0, 100, 0, 0, 'S'], [1, 500, 101, 0, 'SA'], [0, 101, 501, 0, 'A'],
    [0, 101, 501, 0, 'FA'], [1, 501, 101, 0, 'FA'], [0, 102, 502, 0, 'A'], [1, 502, 102, 0, 'A'],
  ]).slice(3), [
    'FIN_WAIT_1/CLOSE_WAIT Teardown 1/4 (FIN)',
    'CLOSING/CLOSING Simultaneous close (FIN)',
    'CLOSING/TIME_WAIT Teardown 4/4 (ACK of the FIN)',
    'TIME_WAIT/TIME_WAIT Teardown 4/4 (ACK of the FIN)',
  ]);
  assert.deepEqual(conv([
    [0, 100, 0, 0, 'S'], [1, 500, 101, 0, 'SA'], [0, 101, 501, 0, 'A'],
    [1, 501, 101, 0, 'RA'], [0, 101, 501, 10, 'A'],
  ]).slice(3), [
    'CLOSED/CLOSED Reset',
    'ESTABLISHED/CLOSED Half-open (segment after a reset)',
  ]);
});

test('a retransmitted FIN changes no state (simultaneous close with lost FINs, as in the e2e test)', () => {
  assert.deepEqual(conv([
    [0, 100, 0, 0, 'S'], [1, 500, 101, 0, 'SA'], [0, 101, 501, 0, 'A'],
    [1, 501, 101, 0, 'FA'], [0, 101, 501, 0, 'FA'], [1, 501, 101, 0, 'FA'], [0, 101, 502, 0, 'A'], [0, 101, 502, 0, 'FA'], [1, 502, 102, 0, 'A'],
  ]).slice(3), [
    'CLOSE_WAIT/FIN_WAIT_1 Teardown 1/4 (FIN)',
    'CLOSING/CLOSING Simultaneous close (FIN)',
    'CLOSING/CLOSING Teardown 1/4 (FIN)',
    'CLOSING/TIME_WAIT Teardown 4/4 (ACK of the FIN)',
    'CLOSING/TIME_WAIT Simultaneous close (FIN)',
    'TIME_WAIT/TIME_WAIT Teardown 4/4 (ACK of the FIN)',
  ]);
});

test('a copy of the first SYN after the handshake changes no state (arkime/wireshark-retrans.pcap)', { skip }, async () => {
  const s = await story('arkime/wireshark-retrans.pcap');
  assert.equal(s[9], 'ESTABLISHED/ESTABLISHED Handshake 1/3 (SYN)');
});
