// The flow SVG: a snapshot of a corpus connection (byte-exact, so the output is deterministic),
// XML well-formedness of it and of a diagram built from hostile strings, one clickable arrow
// (data-frame) per segment. WIRELENS_UPDATE_SNAPSHOTS=1 rewrites the snapshot.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capturesDir } from '../test-support/inet-golden.js';
import { collectSegments } from '../node/explain-cmd.js';
import { flowSvg, xmlText } from './flow-svg.js';
import type { ExplainSeg } from './facts.js';
import { zh } from './zh.js';

const dir = capturesDir();
const skip = dir ? false : 'no ../shared/captures';
// dist/explain/ → src/explain/
const SNAPSHOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'explain', 'flow-svg.snapshot.svg');

/**
 * A small XML 1.0 well-formedness check (no DTD): tags nest and match, attributes are quoted and
 * unique, '<' and '&' appear only as markup or entity references, one root element.
 */
function wellFormed(x: string): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const textOk = (s: string, where: number): void => {
    assert.ok(!s.includes('<'), `raw '<' at ${where}`);
    for (const m of s.matchAll(/&/g)) {
      assert.match(s.slice(m.index), /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/, `bad entity at ${where + m.index}`);
    }
  };
  while (i < x.length) {
    const lt = x.indexOf('<', i);
    if (lt < 0) {
      textOk(x.slice(i), i);
      assert.equal(x.slice(i).trim(), '', 'text after the root');
      break;
    }
    textOk(x.slice(i, lt), i);
    if (stack.length === 0) assert.equal(x.slice(i, lt).trim(), '', `text outside the root at ${i}`);
    const gt = x.indexOf('>', lt);
    assert.ok(gt > lt, `unclosed tag at ${lt}`);
    const tag = x.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      assert.equal(stack.pop(), tag.slice(1).trim(), `mismatched </${tag.slice(1)}> at ${lt}`);
    } else {
      const self = tag.endsWith('/');
      const body = self ? tag.slice(0, -1) : tag;
      const m = /^([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*$/.exec(body);
      assert.ok(m, `malformed tag <${tag}> at ${lt}`);
      const names = [...m[2]!.matchAll(/([A-Za-z_][\w:.-]*)="([^"]*)"/g)].map((a) => {
        textOk(a[2]!, lt);
        return a[1]!;
      });
      assert.equal(new Set(names).size, names.length, `duplicate attribute in <${m[1]}>`);
      if (stack.length === 0) roots++;
      if (!self) stack.push(m[1]!);
    }
    i = gt + 1;
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'one root element');
}

test('xmlText escapes markup and drops characters XML forbids', () => {
  assert.equal(xmlText(`<a href="x">&'\u0000\u0007ok`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;ok');
});

test('flow SVG of zeek/http/get.pcap: snapshot, well-formed, one arrow per segment', { skip }, async () => {
  const { segs } = await collectSegments({ file: join(dir!, 'zeek/http/get.pcap'), filter: undefined, streams: [0] });
  const svg = flowSvg(segs);
  wellFormed(svg);
  assert.deepEqual([...svg.matchAll(/<g class="seg[^"]*" data-frame="(\d+)">/g)].map((m) => Number(m[1])), segs.map((s) => s.num));
  assert.equal(flowSvg(segs), svg, 'deterministic');
  if (process.env['WIRELENS_UPDATE_SNAPSHOTS'] === '1') writeFileSync(SNAPSHOT, svg);
  assert.ok(existsSync(SNAPSHOT), `no snapshot ${SNAPSHOT}: run with WIRELENS_UPDATE_SNAPSHOTS=1`);
  assert.equal(svg, readFileSync(SNAPSHOT, 'utf8'));
  // the states along the lifelines: the three-way close ends in TIME_WAIT / CLOSED
  assert.match(svg, /<text class="st" x="292" y="\d+" text-anchor="end">TIME_WAIT<\/text>\n<text class="st" x="708" y="\d+">CLOSED<\/text>\n<\/g>\n<\/svg>\n$/);
});

test('flow SVG with an analysis event and Chinese labels (zeek/tcp/retransmit-fast009.pcap)', { skip }, async () => {
  const { segs } = await collectSegments({ file: join(dir!, 'zeek/tcp/retransmit-fast009.pcap'), filter: undefined, streams: [] });
  const svg = flowSvg(segs, { lang: zh });
  wellFormed(svg);
  assert.match(svg, /<g class="seg ev" data-frame="32">[^]*?\[TCP Fast Retransmission\]/);
  assert.match(svg, /<g class="seg ev" data-frame="29">[^]*?\[TCP Dup ACK 28#1\]/);
  assert.match(svg, />客户端</);
});

test('packet-derived strings never break the SVG', () => {
  const evil = '"><script>alert(1)</script><x a=\'&';
  const seg: ExplainSeg = {
    num: 1, time: 0, stream: 0, src: evil, dst: `${evil}]]>`, sport: 1, dport: 2, seq: 0, ack: 0, seqRaw: 0, ackRaw: 0,
    nxtseq: 1, len: 0, flags: 2, win: 0, winCalc: 0, scale: -1, mss: -1, wsShift: -1, wsMult: -1, sackPerm: false,
    analysis: 0, acksFrame: 0, dupAckNum: 0, dupAckFrame: 0, client: 3, server: 4, step: 1, inferred: false,
  };
  const svg = flowSvg([seg, { ...seg, num: 2, src: seg.dst, dst: seg.src, sport: 2, dport: 1, flags: 0x12 }]);
  wellFormed(svg);
  assert.ok(!svg.includes('<script>'));
});
