import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyStderr, commandLine, findCapturer, LiveCaptureError, parseCounts, whichTool } from './tools.js';
import { formatInterfaceList, listInterfaces, parseDumpcapList, parseTcpdumpList } from './interfaces.js';

// What dumpcap 4.0.17 and tcpdump 4.99.3 print (recorded on Debian 12); the end-to-end tests
// (live.test.ts) check the same classification against the running tools.
const DUMPCAP_NO_DEVICE = "Capturing on 'nosuch'\ndumpcap: There is no device named \"nosuch\".\n(No such device exists)\n";
const DUMPCAP_BAD_FILTER = "Capturing on 'Loopback: lo'\ndumpcap: Invalid capture filter \"tcp port foo\" for interface 'lo'.\n\n" +
  "That string isn't a valid capture filter (unknown port 'foo').\nSee the User's Guide for a description of the capture filter syntax.\n";
const DUMPCAP_PERMISSION = "Capturing on 'Loopback: lo'\ndumpcap: You do not have permission to capture on device \"lo\".\n(socket: Operation not permitted)\n" +
  'Please check to make sure you have sufficient permissions.\n\nOn Debian and Debian derivatives such as Ubuntu, if you have installed Wireshark from a package, try running\n\n' +
  '    sudo dpkg-reconfigure wireshark-common\n';
const DUMPCAP_STATS = "Capturing on 'Loopback: lo'\nFile: -\n\rPackets captured: 6\nPackets received/dropped on interface 'Loopback: lo': 6/1 (pcap:0/dumpcap:0/flushed:0/ps_ifdrop:0) (100.0%)\n";
const TCPDUMP_PERMISSION = "tcpdump: lo: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n";
const TCPDUMP_NO_DEVICE = 'tcpdump: nosuch: No such device exists\n(No such device exists)\n';
const TCPDUMP_BAD_FILTER = "tcpdump: unknown port 'foo'\n";
const TCPDUMP_STATS = 'tcpdump: listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n6 packets captured\n12 packets received by filter\n0 packets dropped by kernel\n';

test('dumpcap stderr → errors worded as tshark', () => {
  const nd = classifyStderr('dumpcap', DUMPCAP_NO_DEVICE)!;
  assert.equal(nd.kind, 'no-such-interface');
  assert.equal(nd.message, 'There is no device named "nosuch".\n(No such device exists)\nUse "wirelens -D" to list the interfaces you can capture on.');
  const bf = classifyStderr('dumpcap', DUMPCAP_BAD_FILTER, 'tcp port foo')!;
  assert.equal(bf.kind, 'bad-filter');
  assert.equal(bf.message, "Invalid capture filter \"tcp port foo\" for interface 'lo'.\n\nThat string isn't a valid capture filter (unknown port 'foo').\nSee the User's Guide for a description of the capture filter syntax.");
  const pe = classifyStderr('dumpcap', DUMPCAP_PERMISSION)!;
  assert.equal(pe.kind, 'permission');
  assert.match(pe.message, /^You don't have permission to capture on device "lo"\.\n\(socket: Operation not permitted\)\n/);
  assert.match(pe.message, /dpkg-reconfigure wireshark-common/);
  assert.equal(classifyStderr('dumpcap', DUMPCAP_STATS), undefined);
  assert.equal(classifyStderr('dumpcap', 'Running as user "root" and group "root". This could be dangerous.\n'), undefined);
  const other = classifyStderr('dumpcap', 'dumpcap: The specified packet count is zero\n')!;
  assert.equal(other.kind, 'failed');
  assert.equal(other.message, 'The specified packet count is zero');
});

test('tcpdump stderr → the same kinds of errors', () => {
  const pe = classifyStderr('tcpdump', TCPDUMP_PERMISSION)!;
  assert.equal(pe.kind, 'permission');
  assert.match(pe.message, /^You don't have permission to capture on device "lo"\.\n\(socket: Operation not permitted\)\n.*setcap/s);
  const nd = classifyStderr('tcpdump', TCPDUMP_NO_DEVICE)!;
  assert.equal(nd.kind, 'no-such-interface');
  assert.match(nd.message, /^There is no device named "nosuch"\./);
  const bf = classifyStderr('tcpdump', TCPDUMP_BAD_FILTER, 'tcp port foo')!;
  assert.equal(bf.kind, 'bad-filter');
  assert.equal(bf.message, "Invalid capture filter \"tcp port foo\".\n\nThat string isn't a valid capture filter (unknown port 'foo').\nSee the User's Guide for a description of the capture filter syntax.");
  assert.equal(classifyStderr('tcpdump', TCPDUMP_STATS), undefined);
});

test('end-of-capture statistics', () => {
  assert.deepEqual(parseCounts('dumpcap', DUMPCAP_STATS), { captured: 6, interfaces: [{ iface: 'Loopback: lo', received: 6, dropped: 1 }] });
  assert.deepEqual(parseCounts('tcpdump', TCPDUMP_STATS, 'lo'), { captured: 6, interfaces: [{ iface: 'lo', received: 12, dropped: 0 }] });
});

test('a missing capturer names the Debian package to install', () => {
  const empty = mkdtempSync(join(tmpdir(), 'wlt-empty-'));
  try {
    const e = assert.throws(() => findCapturer({ searchPath: empty }), (x: unknown) => {
      assert.ok(x instanceof LiveCaptureError);
      assert.equal(x.kind, 'no-capturer');
      assert.match(x.message, /neither was found/);
      assert.match(x.message, /"wireshark-common" for dumpcap/);
      assert.match(x.message, /"tcpdump"/);
      return true;
    });
    void e;
    assert.throws(() => findCapturer({ searchPath: empty, capturer: 'tcpdump' }), /tcpdump was not found .*\nInstall the Debian package "tcpdump": sudo apt-get install tcpdump/);
    assert.throws(() => findCapturer({ searchPath: empty, capturer: 'dumpcap' }), /Install the Debian package "wireshark-common"/);
    assert.throws(() => findCapturer({ toolPath: join(empty, 'dumpcap') }), /doesn't exist or isn't executable/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  assert.deepEqual(commandLine('/usr/bin/dumpcap', ['-D'], ['ip', 'netns', 'exec', 'x']), ['ip', ['netns', 'exec', 'x', '/usr/bin/dumpcap', '-D']]);
  assert.deepEqual(commandLine('/usr/bin/dumpcap', ['-D'], undefined), ['/usr/bin/dumpcap', ['-D']]);
});

test('interface lists: dumpcap -D -M and tcpdump -D, printed as tshark -D', async () => {
  const d = parseDumpcapList('1. eth0\t\t\t0\t192.0.2.2,fd00::2,fe80::fc:ff:fe00:1\tnetwork\t\n2. any\t\t\t0\t\tnetwork\t\n3. lo\t\tLoopback\t0\t127.0.0.1,::1\tloopback\t\n6. bluetooth-monitor\t\t\t4\t\tnetwork\t\n');
  assert.equal(formatInterfaceList(d), '1. eth0\n2. any\n3. lo (Loopback)\n6. bluetooth-monitor\n');
  assert.equal(formatInterfaceList(d, true), '1. eth0\n\t192.0.2.2, fd00::2, fe80::fc:ff:fe00:1\n2. any\n3. lo (Loopback)\n\t127.0.0.1, ::1\n6. bluetooth-monitor\n');
  assert.equal(d[2]!.loopback, true);
  assert.equal(d[3]!.type, 4);
  const t = parseTcpdumpList('1.eth0 [Up, Running, Connected]\n2.any (Pseudo-device that captures on all interfaces) [Up, Running]\n3.lo [Up, Running, Loopback]\n4.ifb0 [none]\n');
  assert.equal(formatInterfaceList(t), '1. eth0\n2. any\n3. lo (Loopback)\n4. ifb0\n');
  assert.deepEqual(t[0]!.flags, ['Up', 'Running', 'Connected']);

  // the real list, when a capturer is installed and may list (as tshark -D: same names, same order)
  if (whichTool('dumpcap') === undefined) return;
  const real = await listInterfaces();
  assert.ok(real.some((i) => i.name === 'lo' && i.loopback && i.addresses.includes('127.0.0.1')), formatInterfaceList(real, true));
  if (whichTool('tcpdump') !== undefined) {
    const viaTcpdump = await listInterfaces({ capturer: 'tcpdump' });
    const lo = viaTcpdump.find((i) => i.name === 'lo');
    assert.ok(lo && lo.loopback && lo.addresses.includes('127.0.0.1'), formatInterfaceList(viaTcpdump, true));
  }
});
