import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpus, collect, fixture } from '../cli.testutil.js';
import { formatSummaryLine, summaryLine, timeColumn, type SummaryColumns } from './summary.js';
import { FrameClock, precisionDigits } from '../pipeline.js';

const C = corpus();

/** Splits a tshark summary line back into its columns (Protocol may contain spaces). */
function parseLine(line: string): SummaryColumns | undefined {
  const m = /^ *(\d+) +(\S*) +(\S*) \u2192 (\S*) +(\S.*?) (\d+) (.*)$/u.exec(line);
  if (!m) return undefined;
  return { no: m[1]!, time: m[2]!, src: m[3]!, dst: m[4]!, proto: m[5]!, len: m[6]!, info: m[7]! };
}

test('column layout reproduces tshark lines from their own values (all goldens)', { skip: !C }, () => {
  const idx = readFileSync(resolve(C!, 'golden', 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  let n = 0, same = 0;
  const bad: string[] = [];
  for (const row of idx) {
    const path = row.split('\t')[0]!;
    const g = resolve(C!, 'golden', path + '.summary.txt');
    if (!existsSync(g)) continue;
    for (const line of readFileSync(g, 'utf8').split('\n')) {
      if (line === '') continue;
      const c = parseLine(line);
      if (!c) continue;
      n++;
      if (formatSummaryLine(c) === line) same++;
      else if (bad.length < 5) bad.push(line);
    }
  }
  assert.ok(n > 20000, `parsed ${n} lines`);
  // empty Source/Destination are ambiguous for the parser; everything else must round-trip
  assert.ok(same / n > 0.999, `${same}/${n} round-trip; e.g.\n${bad.join('\n')}`);
});

test('No. and Time columns equal tshark on the corpus goldens (sample)', { skip: !C }, async () => {
  const files = [
    'zeek/http/get.pcap', 'arkime/cloudshark-arp.pcap', 'tcpdump/tcp-handshake-nano.pcap',
    'pcapng-test-generator/output_le/basic/test005.pcapng', 'pcapng-test-generator/output_le/basic/test008.pcapng',
    'pcapng-test-generator/output_le/basic/test016.pcapng', 'pcapng-test-generator/output_be/difficult/test202.pcapng',
    'gopacket/pcapgo/tests/le/test902.pcapng', 'zeek/icmp/icmp6-ping.pcap', 'ndpi/teams.pcap',
    'tcpdump/timestamp_invalid_micro.pcap', 'tcpdump/timestamp_invalid_nano.pcap',
  ];
  for (const f of files) {
    const g = resolve(C!, 'golden', f + '.summary.txt');
    if (!existsSync(g)) continue;
    const gold = readFileSync(g, 'utf8').split('\n').filter((l) => l !== '');
    const mine = await collect(resolve(C!, f), { cols: true }, (p, ctx) => summaryLine(p, timeColumn(ctx.clock, 'r', ctx.precision)));
    assert.equal(mine.length, gold.length, f);
    for (let i = 0; i < gold.length; i++) {
      // "    1   0.000000 " — number and time, with tshark's padding
      const head = (s: string): string => /^ *\d+ +\S* /.exec(s)?.[0] ?? s;
      assert.equal(head(mine[i]!), head(gold[i]!), `${f} line ${i + 1}`);
    }
  }
});

test('-t formats and displayed-frame deltas equal tshark (fixture)', { skip: !C }, async () => {
  const { compileFilter } = await import('../../dfilter/index.js');
  const r = compileFilter('frame.len > 100');
  assert.ok(r.ok);
  const expected = fixture('get.time-formats.txt');
  let got = '';
  for (const t of ['a', 'ad', 'adoy', 'e', 'd', 'dd', 'u', 'ud', 'udoy', 'r'] as const) {
    got += `## -t ${t}\n`;
    const lines = await collect(resolve(C!, 'zeek/http/get.pcap'), { cols: true, count: 6, filter: r.filter },
      (p, ctx) => summaryLine(p, timeColumn(ctx.clock, t, ctx.precision)).replace(/ \u2192.*/u, ''));
    got += lines.map((l) => l + '\n').join('');
  }
  // the fixture was made with TZ=UTC; local formats only match there
  if (process.env.TZ === 'UTC' || new Date().getTimezoneOffset() === 0) assert.equal(got, expected);
  else assert.equal(got.split('\n').filter((l) => !/^## -t a/.test(l)).length, expected.split('\n').filter((l) => !/^## -t a/.test(l)).length);
});

test('time column details: precision, negative deltas, records without timestamps', () => {
  assert.equal(precisionDigits(1e6), 6);
  assert.equal(precisionDigits(1e9), 9);
  assert.equal(precisionDigits(256), 2);
  assert.equal(precisionDigits(1000), 3);
  assert.equal(precisionDigits(1), 0);
  const c = new FrameClock();
  c.frame(100, 500_000_000, true);
  c.done(true);
  c.frame(99, 460_000_000, true);
  assert.equal(timeColumn(c, 'r', 6), '-1.040000');
  assert.equal(timeColumn(c, 'd', 9), '-1.040000000');
  assert.equal(timeColumn(c, 'e', 0), '99');
  c.done(false);
  c.frame(0, 0, false);
  assert.equal(timeColumn(c, 'r', 6), '');
});

test('summary line padding', () => {
  const line = formatSummaryLine({ no: '1', time: '0.000000', src: '10.10.10.2', dst: '10.10.10.1', proto: 'ICMP', len: '98', info: 'x' });
  assert.equal(line, '    1   0.000000   10.10.10.2 \u2192 10.10.10.1   ICMP 98 x');
  const empty = formatSummaryLine({ no: '123456', time: '1340954905.298858', src: '', dst: '', proto: 'PCAPNG', len: '24', info: '' });
  assert.equal(empty, '123456 1340954905.298858              \u2192              PCAPNG 24 ');
});
