import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import '../../dissectors/index.js';
import { compileFilter } from '../../dfilter/index.js';
import { corpus, collect, fixture } from '../cli.testutil.js';
import { timeColumn } from './summary.js';
import {
  applyFieldsOption, DEFAULT_FIELDS_OPTIONS, fieldsHeader, fieldsRow, invalidFieldsMessage, resolveFieldColumns,
  type FieldsOptions,
} from './fields.js';

const C = corpus();

test('resolveFieldColumns: _ws.col.* accepted, unknown fields listed last-first as tshark does', () => {
  const ok = resolveFieldColumns(['frame.number', '_ws.col.Info', '_ws.col.Whatever', 'frame.number']);
  assert.ok(ok.ok);
  assert.equal(ok.columns.needsColumns, true);
  assert.deepEqual(ok.columns.byFid.get(ok.columns.fids[0]!), [0, 3]);
  const bad = resolveFieldColumns(['foo.bar', 'frame.number', 'zzz']);
  assert.ok(!bad.ok);
  assert.deepEqual(bad.invalid, ['zzz', 'foo.bar']);
  assert.equal(invalidFieldsMessage(bad.invalid), "Some fields aren't valid:\n\tzzz\n\tfoo.bar\n");
});

test('-E options', () => {
  const o: FieldsOptions = { ...DEFAULT_FIELDS_OPTIONS };
  assert.ok(applyFieldsOption(o, 'separator=/s'));
  assert.equal(o.separator, ' ');
  assert.ok(applyFieldsOption(o, 'separator=;'));
  assert.equal(o.separator, ';');
  assert.ok(applyFieldsOption(o, 'aggregator=/s'));
  assert.equal(o.aggregator, ' ');
  assert.ok(applyFieldsOption(o, 'occurrence=l'));
  assert.ok(applyFieldsOption(o, 'quote=s'));
  assert.ok(applyFieldsOption(o, 'header=y'));
  assert.equal(o.header, true);
  assert.ok(!applyFieldsOption(o, 'header=q'));
  assert.ok(!applyFieldsOption(o, 'occurrence=2'));
  assert.ok(!applyFieldsOption(o, 'nonsense=1'));
  assert.ok(!applyFieldsOption(o, 'header'));
});

test('header, quotes, _ws.col.*, displayed-frame deltas equal tshark (fixture)', { skip: !C }, async () => {
  const names = ['frame.number', 'eth.src', 'frame.time', 'frame.time_relative', 'frame.time_delta_displayed', 'eth.type',
    'frame.marked', '_ws.col.No.', '_ws.col.Time', '_ws.col.Length', '_ws.col.Foo'];
  const r = resolveFieldColumns(names);
  assert.ok(r.ok);
  const f = compileFilter('frame.len > 100');
  assert.ok(f.ok);
  const o: FieldsOptions = { ...DEFAULT_FIELDS_OPTIONS, header: true, quote: 'd' };
  const rows = await collect(resolve(C!, 'zeek/http/get.pcap'), { want: r.columns.want, cols: true, filter: f.filter },
    (p, ctx) => fieldsRow(p, r.columns, o, timeColumn(ctx.clock, 'r', ctx.precision)));
  assert.equal([fieldsHeader(r.columns, o), ...rows].map((l) => l + '\n').join(''), fixture('get.fields.txt'));
});

test('frame and eth fields equal the corpus goldens (occurrence=a, aggregator=,)', { skip: !C }, async () => {
  const golden = resolve(C!, 'golden');
  const all = readFileSync(resolve(golden, 'FIELDS.txt'), 'utf8').trim().split('\n');
  const mineNames = ['frame.number', 'frame.time_epoch', 'frame.len', 'frame.cap_len', 'eth.src', 'eth.dst'];
  const r = resolveFieldColumns(mineNames);
  assert.ok(r.ok);
  const pick = mineNames.map((n) => all.indexOf(n));
  const files = ['zeek/http/get.pcap', 'arkime/cloudshark-arp.pcap', 'tcpdump/tcp-handshake-nano.pcap', 'zeek/icmp/icmp6-ping.pcap',
    'pcapng-test-generator/output_le/basic/test008.pcapng', 'ndpi/teams.pcap', 'zeek/q-in-q.pcap'];
  let n = 0;
  for (const file of files) {
    const g = resolve(golden, file + '.fields.tsv');
    if (!existsSync(g)) continue;
    const gold = readFileSync(g, 'utf8').split('\n').slice(1).filter((l) => l !== '').map((l) => { const c = l.split('\t'); return pick.map((k) => c[k]).join('\t'); });
    const mine = await collect(resolve(C!, file), { want: r.columns.want, cols: false }, (p) => fieldsRow(p, r.columns));
    assert.equal(mine.length, gold.length, file);
    for (let i = 0; i < gold.length; i++, n++) assert.equal(mine[i], gold[i], `${file} frame ${i + 1}`);
  }
  assert.ok(n > 1000);
});
