// DB-LSP-DISC and JSON against tshark 4.0: Protocol/Info/frame.protocols of every Dropbox discovery row
// of the corpus, and the whole -V subtree (JSON objects, arrays, generated paths) of one broadcast.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import './index.js';
import '../node/platform.js';
import { capturesDir, frameTree, block } from './golden.testutil.js';
import { layerRowsAgreement } from './udpapp.testutil.js';

const skip = capturesDir() === undefined ? 'captures not found (../shared/captures)' : false;

const CAPTURES = ['ndpi/teams.pcap', 'ndpi/android.pcap', 'ndpi/iphone.pcap', 'zeek/var-services-std-ports.pcap',
  'pcapng-test-generator/output_le/basic/test006.pcapng', 'pcapng-test-generator/output_be/advanced/test100.pcapng'];

test('db-lsp-disc: Protocol, Info and frame.protocols equal tshark on Dropbox discovery rows', { skip }, () => {
  const { cells, bad } = layerRowsAgreement(CAPTURES, 'db-lsp-disc');
  assert.ok(cells >= 30, `compared ${cells} cells`);
  assert.deepEqual(bad, []);
});

// tshark -n -r ndpi/iphone.pcap -V, frame 1 (head)
const HEAD = `Dropbox LAN sync Discovery Protocol
    JavaScript Object Notation
        Object
            Member: version
                Array
                    [Path with value: /version/[]:2]
                    [Member with value: []:2]
                    Number value: 2
                    [Path with value: /version/[]:0]
                    [Member with value: []:0]
                    Number value: 0
                Key: version
                [Path: /version]
            Member: port
                [Path with value: /port:17500]
                [Member with value: port:17500]
                Number value: 17500
                Key: port
                [Path: /port]`;

test('db-lsp-disc: -V subtree (JSON) equals tshark', { skip }, () => {
  const b = block(frameTree('ndpi/iphone.pcap', 1)!, 'Dropbox LAN sync Discovery Protocol')!;
  assert.equal(b.split('\n').slice(0, HEAD.split('\n').length).join('\n'), HEAD);
  assert.match(b, /\n {12}Member: displayname\n {16}\[Path with value: \/displayname:\]\n/);
});
