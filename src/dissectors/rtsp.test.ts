// rtsp (+ sdp bodies): ndpi/rtsp.pcap against the goldens (Protocol/Info/frame.protocols, every
// frame, TCP-tagged segments included) and tshark -V for a SETUP request and a DESCRIBE reply.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { block, compareGolden, frameTree } from './golden.testutil.js';
import { SUMMARY_COLUMNS } from './smallproto.testutil.js';

const CAP = 'ndpi/rtsp.pcap';

test('rtsp: ndpi/rtsp.pcap summary columns match the goldens on every frame', (t) => {
  const r = compareGolden(CAP, SUMMARY_COLUMNS);
  if (!r) { t.skip('corpus absent'); return; }
  assert.equal(r.frames, 568);
  assert.deepEqual(r.mismatches.slice(0, 5), []);
});

test('rtsp: a SETUP request reads as tshark -V shows it', (t) => {
  const tree = frameTree(CAP, 69);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  assert.equal(block(tree, 'Real Time Streaming Protocol'), [
    'Real Time Streaming Protocol',
    '    Request: SETUP rtsp://10.2.2.2:8554/trackID=1 RTSP/1.0\\r\\n',
    '        Method: SETUP',
    '        URL: rtsp://10.2.2.2:8554/trackID=1',
    '    CSeq: 5\\r\\n',
    '    User-Agent: LibVLC/3.0.16 (LIVE555 Streaming Media v2016.11.28)\\r\\n',
    '    Transport: RTP/AVP;unicast;client_port=55666-55667',
    '    Session: 8c30e102191f49d1',
    '    \\r\\n',
  ].join('\n'));
});

test('rtsp: a DESCRIBE reply carries its SDP description (RTSP/SDP)', (t) => {
  const tree = frameTree(CAP, 53);
  if (tree === undefined) { t.skip('corpus absent'); return; }
  const sdp = block(tree, '    Session Description Protocol') ?? '';
  assert.match(sdp, /^ {4}Session Description Protocol\n {8}Session Description Protocol Version \(v\): 0\n/);
  assert.match(sdp, /\n {8}Media Description, name and address \(m\): video 0 RTP\/AVP 96\n {12}Media Type: video\n {12}Media Port: 0\n {12}Media Protocol: RTP\/AVP\n {12}Media Format: DynamicRTP-Type-96\n/);
});
