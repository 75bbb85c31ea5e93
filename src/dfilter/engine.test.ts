// Unit tests of the filter engine on hand-made packets (a small test protocol registered here),
// independent of the real dissectors: typing, literals, repeated fields, layers, references,
// macros, explain, and newer (Wireshark 4.2–4.4) syntax with hand-written expectations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FT, Base, f, registerProtocol, vals } from '../core/field.js';
import { Tree, ROOT } from '../core/tree.js';
import { Packet } from '../core/packet.js';
import { Session } from '../core/session.js';
import { compileFilter, parseMacroFile } from './index.js';

const P = registerProtocol('dftest', 'Filter test protocol', 'DFTEST');
const hf = {
  port: f('dftest.port', 'Port', FT.UINT16, { base: Base.PT_TCP }),
  kind: f('dftest.kind', 'Kind', FT.UINT8, { vals: vals({ 1: 'Request', 2: 'Reply' }) }),
  addr: f('dftest.addr', 'Address', FT.IPv4),
  addr6: f('dftest.addr6', 'Address v6', FT.IPv6),
  mac: f('dftest.mac', 'MAC', FT.ETHER),
  name: f('dftest.name', 'Name', FT.STRING),
  flag: f('dftest.flag', 'Flag', FT.BOOLEAN, { boolBits: 8, mask: 0x01 }),
  big: f('dftest.big', 'Big', FT.UINT64),
  time: f('dftest.time', 'Time', FT.ABSOLUTE_TIME),
  ratio: f('dftest.ratio', 'Ratio', FT.DOUBLE),
  marker: f('dftest.marker', 'Marker', FT.NONE),
};

/** Builds a packet: 2 layers of dftest, with these bytes as the frame. */
function packet(): Packet {
  const bytes = Uint8Array.from([
    0x00, 0x50, 0x01, 0xbb, // 0: ports 80, 443
    10, 0, 0, 1, 192, 168, 1, 2, // 4: addresses
    0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, // 12: mac
    0x47, 0x45, 0x54, // 18: "GET"
    0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, // 21: fe80::1
  ]);
  const t = new Tree(null);
  const p = new Packet(t, new Session());
  p.begin({ num: 1, tsSec: 1700000000, tsNsec: 5e8, caplen: bytes.length, len: bytes.length, linktype: 1, iface: -1, comments: undefined }, bytes, new DataView(bytes.buffer), 0);
  const l1 = t.addItem(ROOT, P, 0, 21);
  t.addNum(l1, hf.port, 0, 2, 80);
  t.addNum(l1, hf.port, 2, 2, 443);
  t.addNum(l1, hf.kind, 0, 1, 1);
  t.addNum(l1, hf.addr, 4, 4, 0x0a000001);
  t.addBytes(l1, hf.mac, 12, 6);
  t.addStr(l1, hf.name, 18, 3, 'GET');
  t.addNum(l1, hf.flag, 0, 1, 1);
  t.addBig(l1, hf.big, 0, 8, 2n ** 60n);
  t.addObj(l1, hf.time, 0, 0, { sec: 1700000000, nsec: 5e8 });
  t.addNum(l1, hf.ratio, 0, 0, 0.25);
  t.addItem(l1, hf.marker, 0, 0);
  const l2 = t.addItem(ROOT, P, 4, 17);
  t.addNum(l2, hf.addr, 8, 4, 0xc0a80102);
  t.addNum(l2, hf.kind, 8, 1, 2);
  t.addBytes(l2, hf.addr6, 21, 16);
  p.proto = 'DFTEST';
  p.setInfo('Request 80 → 443');
  p.src = '10.0.0.1';
  p.dst = '192.168.1.2';
  return p;
}

const pkt = packet();

function run(filter: string, opts: Parameters<typeof compileFilter>[1] = {}): boolean {
  const r = compileFilter(filter, opts);
  if (!r.ok) throw new Error(`${filter}: ${r.error.message} @${r.error.start}`);
  return r.filter.match(pkt);
}

const CASES: ReadonlyArray<readonly [string, boolean]> = [
  ['dftest', true], ['dftest.marker', true], ['dftest.port', true],
  ['dftest.port == 80', true], ['dftest.port == 81', false], ['dftest.port != 80', false], ['dftest.port != 81', true],
  ['dftest.port === 80', false], ['dftest.port !== 80', true], ['all dftest.port > 79', true], ['all dftest.port > 80', false],
  ['any dftest.port > 80', true], ['dftest.port in {80 443}', true], ['dftest.port in {1..79, 444..500}', false],
  ['dftest.port not in {22}', true], ['all dftest.port in {80, 443}', true],
  ['dftest.kind == Request', true], ['dftest.kind == "reply"', true], ['dftest.kind#1 == 2', false], ['dftest.kind#2 == 2', true],
  ['dftest.addr#[1-2] == 192.168.1.2', true], ['dftest#2', true], ['dftest#3', false],
  ['dftest.addr == 10.0.0.0/8', true], ['dftest.addr == 10.0.0.0/8 && dftest.addr == 192.168.0.0/16', true],
  ['dftest.addr6 == fe80::1', true], ['dftest.addr6 == fe80::/10', true], ['dftest.addr6 == ::1', false],
  ['dftest.mac == aa:bb:cc:dd:ee:ff', true], ['dftest.mac[0:2] == aa:bb', true], ['dftest.mac[-1] == ff', true],
  ['dftest.name == "GET"', true], ['dftest.name contains "E"', true], ['dftest.name matches "^g"', true], ['dftest.name matches "(?-i)^g"', false],
  ['dftest.name[0:2] == "GE"', true], ['upper(dftest.name) == "GET"', true], ['len(dftest.name) == 3', true],
  ['dftest.flag == True', true], ['dftest.flag == 0', false], ['dftest.flag', true],
  ['dftest.big == 1152921504606846976', true], ['dftest.big > 1152921504606846975', true],
  ['dftest.time == "2023-11-14 22:13:20.5"', true], ['dftest.time > 1700000000', true], ['dftest.time < "Nov 14, 2023 22:13:20.6"', true],
  ['dftest.ratio < 0.5', true], ['dftest.ratio * 4 == 1', true],
  ['dftest.port + 1 == 81', true], ['-dftest.port == -80', true], ['dftest.port & 0x10', true], ['{dftest.port + 20} * 2 == 200', true],
  ['count(dftest.port) == 2', true], ['max(dftest.port) == 443', true], ['min(dftest.port) == 80', true],
  ['dftest[18:3] == "GET"', true], ['dftest contains "GET"', true], ['@dftest.port == 00:50', true],
  ['80 == dftest.port', true], ['444 < dftest.port', false], ['1 < dftest.kind#2 < 3', true],
  ['dftest.port == 80 xor dftest.port == 443', false], ['dftest.port == 80 ^^ dftest.port == 22', true],
  ['dftest.port == 80 AND NOT dftest.port == 22', true],
  ['_ws.col.protocol == "DFTEST"', true], ['_ws.col.info contains "→"', true], ['_ws.col.def_dst == "192.168.1.2"', true],
  ['vals(dftest.kind) == "Reply"', true], ['hex(dftest.port) == "0x0050"', true], ['dec(dftest.port) == "443"', true],
  ['float(dftest.port) == 80.0', true], ['len(dftest.mac[0:3])', true],
  ['ip_rfc1918(dftest.addr)', true], ['ip_special_name(dftest.addr) == "Private-Use"', true], ['ip_linklocal(dftest.addr6)', true],
  ['ip_multicast(dftest.addr)', false], ['ip_ula(dftest.addr6)', false],
  ['dftest.name == "\\x47ET"', true], ['dftest.name == "\\u0047ET"', true], ['dftest.name == r"GET"', true],
];

test('engine semantics on a hand-made packet', () => {
  const fails: string[] = [];
  for (const [filter, want] of CASES) {
    try {
      const got = run(filter);
      if (got !== want) fails.push(`${filter}: ${got}`);
    } catch (e) {
      fails.push((e as Error).message);
    }
  }
  assert.deepEqual(fails, []);
});

test('want lists the fields and protocols read; columns flagged', () => {
  const r = compileFilter('dftest.addr#2 == 1.2.3.4 and _ws.col.info contains "x"');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(r.filter.fields, [P, hf.addr].sort((a, b) => a - b));
  assert.equal(r.filter.want[hf.addr], 1);
  assert.equal(r.filter.needsColumns, true);
  assert.match(r.filter.explain(), /TEST_AND:\n\s+TEST_ANY_EQ\(==\):\n\s+FIELD\(dftest.addr#2 <FT_IPv4>\)\n\s+FVALUE\(1.2.3.4 <FT_IPv4>\)/);
});

test('field references resolve against the reference packet', () => {
  assert.equal(run('dftest.addr == ${dftest.addr}', { reference: pkt }), true);
  assert.equal(run('dftest.port == ${dftest.kind}', { reference: pkt }), false);
  assert.equal(run('dftest.addr == ${dftest.addr}'), false);
});

test('display-filter macros ($name(args), ${name:args})', () => {
  const macros = parseMacroFile('# comment\n"web","dftest.port in {80 443}"\n"pp","dftest.port == $1 or dftest.port == $2"\n');
  assert.equal(run('$web()', { macros }), true);
  assert.equal(run('${web}', { macros }), true);
  assert.equal(run('$pp(22, 443)', { macros }), true);
  assert.equal(run('${pp:22;23}', { macros }), false);
  const r = compileFilter('$nope(1)', { macros });
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.message, "Macro 'nope' does not exist");
});

test('empty filter matches everything', () => {
  const r = compileFilter('  ');
  assert.ok(r.ok && r.filter.match(pkt) && r.filter.fields.length === 0);
});
