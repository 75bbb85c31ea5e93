import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLiveOption, newLiveArgs, resolveInterfaces, validateLive, type LiveArgs } from './options.js';
import { dumpcapArgs, filterChecks, tcpdumpArgs } from './capture.js';
import { LiveCaptureError } from './tools.js';

function parse(...pairs: [string, string][]): LiveArgs {
  const a = newLiveArgs();
  for (const [o, v] of pairs) assert.equal(applyLiveOption(a, o, v), true, `-${o} is a live option`);
  return a;
}

function msg(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof LiveCaptureError, String(e));
    return e.message;
  }
  assert.fail('no error');
}

test('interface options before -i are defaults, after -i they belong to that interface (dumpcap rule)', () => {
  const a = parse(['f', 'icmp'], ['s', '128'], ['i', 'eth0'], ['i', 'lo'], ['f', 'tcp'], ['p', ''], ['B', '4'], ['y', 'EN10MB']);
  assert.deepEqual(resolveInterfaces(a), [
    { name: 'eth0', filter: 'icmp', snaplen: 128 },
    { name: 'lo', filter: 'tcp', snaplen: 128, promisc: false, bufferMiB: 4, linktype: 'EN10MB' },
  ]);
  assert.equal(a.used, true);
  const d = newLiveArgs();
  applyLiveOption(d, 'D', '');
  assert.equal(d.listInterfaces, true);
  assert.equal(d.used, false, '-D alone is not a capture');
  assert.equal(applyLiveOption(d, 'V', ''), false);
});

test('-a and -b conditions', () => {
  const a = parse(['a', 'duration:1.5'], ['a', 'packets:10'], ['a', 'filesize:100'], ['a', 'files:4'],
    ['b', 'filesize:20'], ['b', 'files:3'], ['b', 'duration:60'], ['b', 'interval:3600'], ['b', 'packets:1000']);
  assert.deepEqual(a.autostop, { duration: 1.5, packets: 10, filesize: 100, files: 4 });
  assert.deepEqual(a.ring, { filesize: 20, files: 3, duration: 60, interval: 3600, packets: 1000 });
});

test('bad values: tshark and dumpcap sentences', () => {
  const a = newLiveArgs();
  assert.equal(msg(() => applyLiveOption(a, 's', 'abc')), 'The specified snapshot length "abc" isn\'t a decimal number');
  assert.equal(msg(() => applyLiveOption(a, 's', '-5')), 'The specified snapshot length "-5" is a negative number');
  assert.equal(msg(() => applyLiveOption(a, 'a', 'foo:1')), 'Invalid or unknown -a flag "foo:1"');
  assert.equal(msg(() => applyLiveOption(a, 'a', 'packets:x')), 'The specified packet write count "x" isn\'t a decimal number');
  assert.equal(msg(() => applyLiveOption(a, 'b', 'foo:3')), 'Invalid or unknown -b flag "foo:3"');
  assert.equal(msg(() => applyLiveOption(a, 'B', 'x')), 'The specified buffer size "x" isn\'t a decimal number');
  assert.equal(msg(() => applyLiveOption(a, 'y', 'FOO BAR')), 'The specified data link type "FOO BAR" isn\'t valid');
  assert.match(msg(() => applyLiveOption(a, 'a', 'duration:x')), /duration "x"/);
});

test('checks against the rest of the command line (tshark 4.0 messages)', () => {
  const ctx = { write: undefined as string | undefined, displayFilter: false, twoPass: false };
  assert.equal(msg(() => validateLive(parse(['b', 'filesize:3']), ctx)), "Maximum capture file size specified, but capture isn't being saved to a file.");
  assert.equal(msg(() => validateLive(parse(['a', 'filesize:3']), ctx)), "Maximum capture file size specified, but capture isn't being saved to a file.");
  assert.equal(msg(() => validateLive(parse(['b', 'files:3']), ctx)), "Multiple capture files requested, but the capture isn't being saved to a file.");
  assert.equal(msg(() => validateLive(parse(['b', 'files:3']), { ...ctx, write: '/tmp/x.pcapng' })),
    'Multiple capture files requested, but no maximum capture file size, duration, interval or packets were specified.');
  assert.equal(msg(() => validateLive(parse(['a', 'files:2']), { ...ctx, write: '/tmp/x.pcapng' })),
    'Multiple capture files requested, but no maximum capture file size, duration, interval or packets were specified.');
  assert.equal(msg(() => validateLive(parse(['b', 'duration:3']), { ...ctx, write: '-' })),
    'Multiple capture files requested, but the capture is being written to the standard output.');
  assert.equal(msg(() => validateLive(parse(['i', 'lo']), { ...ctx, write: 'x.pcapng', displayFilter: true })),
    "Display filters aren't supported when capturing and saving the captured packets.");
  assert.equal(msg(() => validateLive(parse(['i', 'lo']), { ...ctx, twoPass: true })), 'Live captures do not support two-pass analysis.');
  validateLive(parse(['i', 'lo'], ['b', 'filesize:3'], ['b', 'files:2']), { ...ctx, write: '/tmp/x.pcapng' });
  validateLive(parse(['i', 'lo']), { ...ctx, displayFilter: true });
});

test('capturer command lines', () => {
  const ifs = [{ name: 'eth0', filter: 'icmp', snaplen: 96 }, { name: 'lo', promisc: false, bufferMiB: 2 }];
  assert.deepEqual(dumpcapArgs(ifs, { count: 5, duration: 2.5 }),
    ['-q', '-n', '-w', '-', '-i', 'eth0', '-f', 'icmp', '-s', '96', '-i', 'lo', '-p', '-B', '2', '-c', '5', '-a', 'duration:2.5']);
  assert.deepEqual(dumpcapArgs([], { filter: 'udp' }), ['-q', '-n', '-w', '-', '-f', 'udp']);
  assert.deepEqual(tcpdumpArgs([{ name: 'eth0', filter: 'icmp or arp', snaplen: 96, bufferMiB: 2 }], { count: 3 }),
    ['-U', '--immediate-mode', '-n', '--nano', '-w', '-', '-i', 'eth0', '-s', '96', '-B', '2048', '-c', '3', '--', 'icmp or arp']);
  assert.throws(() => tcpdumpArgs(ifs, {}), /one interface at a time.*wireshark-common/s);
  assert.deepEqual(filterChecks(ifs, {}), [{ iface: 'eth0', filter: 'icmp' }]);
  assert.deepEqual(filterChecks([], { filter: 'tcp' }), [{ iface: '', filter: 'tcp' }]);
});
