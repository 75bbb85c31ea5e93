// HTTP/1.x over TCP reassembly against tshark 4.0: golden columns of real captures (requests and
// responses spanning segments, chunked, gzip, pipelining, until-FIN bodies), whole -V subtrees of a
// reassembled gzip response and a chunked one, revisits (tshark -2's answer), and Decode As.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import './index.js';
import '../node/platform.js';
import { capturesDir, compareGolden, readFrames, treeText, fieldValues } from './golden.testutil.js';
import { Engine } from '../core/dissect.js';
import type { Packet } from '../core/packet.js';
import { findHandle, tables } from '../core/table.js';

const dir = capturesDir();
const skip = dir === undefined ? 'captures not found (../shared/captures)' : false;

const HTTP_COLUMNS = ['frame.protocols', 'http.request.method', 'http.request.uri', 'http.host', 'http.response.code',
  'tcp.len', '_ws.col.Protocol', '_ws.col.Info'] as const;

/** Captures whose HTTP rows all agree with tshark (every row of the capture is compared). */
const GOLDEN_CAPTURES = [
  'arkime/http-content-gzip.pcap', 'arkime/http-simple-get.pcap', 'arkime/v6-http.pcap', 'scapy/http_chunk.pcap.gz',
  'scapy/http_content_length.pcap', 'scapy/http_head.pcapng.gz', 'scapy/http_tcp_psh.pcap.gz', 'zeek/http/100-continue.pcap',
  'zeek/http/get.pcap', 'zeek/http/http-post-large.pcap', 'zeek/http/http_large_req_8001.pcap', 'zeek/http/iso-download.pcap.gz',
  'zeek/http/pipelined-requests.pcap', 'zeek/http/post.pcap', 'zeek/ipv6-http-atomic-frag.pcap', 'zeek/web.pcap',
  'gopacket/pcap/test_ethernet.pcap',
];

test('http: golden columns (frame.protocols, method, uri, host, code, Protocol, Info) equal tshark on whole captures', { skip }, () => {
  let cells = 0;
  const bad: string[] = [];
  for (const rel of GOLDEN_CAPTURES) {
    if (!existsSync(join(dir!, rel))) continue;
    const r = compareGolden(rel, HTTP_COLUMNS);
    if (!r) continue;
    cells += r.cells;
    for (const m of r.mismatches) bad.push(`${rel}#${m.frame} ${m.field}\n  want ${m.want.slice(0, 160)}\n  got  ${m.got.slice(0, 160)}`);
  }
  assert.ok(cells > 5000, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

/** Dissects a capture in one pass (and optionally a second, revisiting) and returns frame → f(p). */
function run<T>(rel: string, pick: (p: Packet) => T, opts: { twoPass?: boolean; setup?: (e: Engine) => void } = {}): Map<number, T> {
  const eng = new Engine({ want: null });
  opts.setup?.(eng);
  const cap = readFrames(join(dir!, rel));
  const out = new Map<number, T>();
  for (const fr of cap.frames) out.set(fr.num, pick(eng.dissect(fr, fr.buf, fr.dv, fr.off)));
  if (opts.twoPass) {
    eng.session.visited = true;
    for (const fr of cap.frames) out.set(fr.num, pick(eng.dissect(fr, fr.buf, fr.dv, fr.off)));
  }
  return out;
}

/** The tree from the first line at column 0 that starts with `from` up to (not including) a line starting with `to`. */
function section(text: string, from: string, to: string): string {
  const a = text.indexOf('\n' + from);
  if (a < 0) return '';
  const b = text.indexOf('\n' + to, a + 1);
  return text.slice(a + 1, b < 0 ? undefined : b + 1);
}

// tshark -n -r scapy/http_content_length.pcap -V, frame 13: six segments reassembled, gzip body
const GZIP_RESPONSE = `[6 Reassembled TCP Segments (5248 bytes): #6(1260), #7(1260), #9(1260), #10(65), #12(1260), #13(143)]
    [Frame: 6, payload: 0-1259 (1260 bytes)]
    [Frame: 7, payload: 1260-2519 (1260 bytes)]
    [Frame: 9, payload: 2520-3779 (1260 bytes)]
    [Frame: 10, payload: 3780-3844 (65 bytes)]
    [Frame: 12, payload: 3845-5104 (1260 bytes)]
    [Frame: 13, payload: 5105-5247 (143 bytes)]
    [Segment count: 6]
    [Reassembled TCP length: 5248]
    [Reassembled TCP Data: 485454502f312e3120323030204f4b0d0a446174653a204d6f6e2c203132204a756c2032…]
Hypertext Transfer Protocol
    HTTP/1.1 200 OK\\r\\n
        [Expert Info (Chat/Sequence): HTTP/1.1 200 OK\\r\\n]
            [HTTP/1.1 200 OK\\r\\n]
            [Severity level: Chat]
            [Group: Sequence]
        Response Version: HTTP/1.1
        Status Code: 200
        [Status Code Description: OK]
        Response Phrase: OK
    Date: Mon, 12 Jul 2010 14:23:10 GMT\\r\\n
    Expires: -1\\r\\n
    Cache-Control: private, max-age=0\\r\\n
    Content-Type: text/html; charset=UTF-8\\r\\n
    Content-Encoding: gzip\\r\\n
    Server: gws\\r\\n
    Content-Length: 5012\\r\\n
        [Content length: 5012]
    X-XSS-Protection: 1; mode=block\\r\\n
    \\r\\n
    [HTTP response 1/1]
    [Time since request: 0.224972000 seconds]
    [Request in frame: 4]
    [Request URI: http://www.google.com/]
    Content-encoded entity body (gzip): 5012 bytes -> 11784 bytes
    File Data: 11784 bytes
`;

test('http: a response over six segments with a gzip body shows as tshark -V shows it', { skip }, () => {
  const got = run('scapy/http_content_length.pcap', (p) => p.num === 13 ? treeText(p) : '').get(13)!;
  assert.equal(section(got, '[6 Reassembled', 'Line-based text data'), GZIP_RESPONSE);
  assert.match(got, /\nLine-based text data: text\/html \(10 lines\)\n/);
  assert.match(got, /\n {4}TCP segment data \(143 bytes\)\n/);
});

// tshark -n -r scapy/http_chunk.pcap.gz -V, frame 65, without the 33 "Data chunk" subtrees
const CHUNKED_TAIL = `    [HTTP response 1/1]
    [Time since request: 3.877870000 seconds]
    [Request in frame: 3]
    [Request URI: http://www.httpwatch.com/httpgallery/chunked/chunkedimage.aspx?0.2911017199439567]
    HTTP chunked response
        End of chunked encoding
            Chunk size: 0 octets
        \\r\\n
    File Data: 33653 bytes
`;

test('http: a chunked response is de-chunked (33 chunks, 33653 bytes) and identified by its media type', { skip }, () => {
  const got = run('scapy/http_chunk.pcap.gz', (p) => p.num === 65 ? [treeText(p), fieldValues(p, 'http.chunk_size'), p.protocolsString()] as const : undefined).get(65)!;
  const lines = got[0].split('\n').filter((l) => !/Data chunk|Chunk size: [1-9]|Chunk data|Chunk boundary/.test(l)).join('\n');
  assert.ok(lines.includes(CHUNKED_TAIL), lines);
  assert.equal(got[1], '1024,'.repeat(32) + '885,0');
  assert.equal(got[2], 'eth:ethertype:ip:tcp:http:image-jfif');
});

test('http: revisits give tshark -2\'s answer (held segments name the frame that reassembled them)', { skip }, () => {
  const pick = (p: Packet): string => `${p.proto}|${p.info}|${fieldValues(p, 'tcp.reassembled_in')}|${fieldValues(p, 'http.response_in')}|${fieldValues(p, 'http.next_request_in')}`;
  const two = run('scapy/http_content_length.pcap', pick, { twoPass: true });
  // tshark -2 -n -r scapy/http_content_length.pcap -T fields -e _ws.col.Protocol -e _ws.col.Info -e tcp.reassembled_in -e http.response_in -e http.next_request_in
  assert.equal(two.get(4), 'HTTP|GET / HTTP/1.1 ||13|15');
  assert.equal(two.get(6), 'TCP|80 → 21498 [ACK] Seq=1 Ack=503 Win=6432 Len=1260 [TCP segment of a reassembled PDU]|13||');
  assert.equal(two.get(12), 'TCP|80 → 21498 [ACK] Seq=3846 Ack=503 Win=6432 Len=1260 [TCP segment of a reassembled PDU]|13||');
  assert.equal(two.get(13), 'HTTP|HTTP/1.1 200 OK  (text/html)|||15');
  // a second pass does not count messages again
  const tree = run('scapy/http_content_length.pcap', (p) => p.num === 16 ? treeText(p) : '', { twoPass: true }).get(16)!;
  assert.match(tree, /\[HTTP response 2\/2\]\n {4}\[Time since request: 0\.227080000 seconds\]\n {4}\[Prev request in frame: 4\]\n {4}\[Prev response in frame: 13\]\n {4}\[Request in frame: 15\]\n/);
});

test('http: Decode As binds another port to HTTP (and undoing it restores the default)', { skip }, () => {
  const port = tables.get('tcp.port')!;
  const http = findHandle('http')!;
  // zeek/http/get.pcap is HTTP on 80; binding 80 to "data" hides it, binding it back shows it again
  const data = findHandle('data')!;
  try {
    port.decodeAs(80, data);
    const off = run('zeek/http/get.pcap', (p) => p.proto);
    assert.ok(![...off.values()].includes('HTTP'));
    port.decodeAs(80, http);
    const on = run('zeek/http/get.pcap', (p) => p.proto);
    assert.ok([...on.values()].includes('HTTP'));
  } finally {
    port.clearDecodeAs();
  }
});

test('http: a chunked body\'s frames show their segment alone: the reassembly so far only with the last one (tshark -V)', { skip }, () => {
  // each data segment completes a "one more segment" PDU that HTTP finds still incomplete
  const shown = [...run('scapy/http_chunk.pcap.gz', (p) => treeText(p).includes('Reassembled TCP Segments'))].filter(([, x]) => x).map(([n]) => n);
  assert.deepEqual(shown, [65]);
});

test('http: headers reassembled from two segments, then a body without length and no FIN in the capture: dissected at once, as tshark does', { skip }, () => {
  // gopacket/pcap/test_ethernet.pcap #8: tshark does not hold a PDU it reassembled already until the FIN
  const got = run('gopacket/pcap/test_ethernet.pcap', (p) => p.num === 8 ? [treeText(p), p.protocolsString()] as const : undefined).get(8)!;
  assert.equal(got[1], 'eth:ethertype:ip:tcp:http:data-text-lines');
  assert.match(got[0], /\n\[2 Reassembled TCP Segments \(378 bytes\): #6\(23\), #8\(355\)\]\n/);
  assert.match(got[0], /\n {4}File Data: 194 bytes\nLine-based text data: text\/html \(5 lines\)\n/);
});
