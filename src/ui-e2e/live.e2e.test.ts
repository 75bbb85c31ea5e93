// Live capture in the UI (issue 7): two network namespaces joined by a veth pair; the server runs
// as root and captures inside namespace a (its launcher: `ip netns exec`); the page starts a
// capture on the veth (a bad capture filter first: a clear error), a display filter applies while
// packets arrive, `ping` runs, rows appear, Stop, Save; the counts equal tshark's read of the
// saved file. Skips with the reason without root, `ip`, a capturer, tshark or chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createNetnsPair, exited, IF_A, IP_B, netnsSkipReason, type NetnsPair } from '../node/live/netns.testutil.js';
import { whichTool } from '../node/live/tools.js';
import { startServer, type RunningServer } from '../node/server/http.js';
import { ART, browserSkipReason, CHROMIUM, FLAGS, SAMPLE, UI, type Browser } from './browser.testutil.js';

const skip = browserSkipReason() || (netnsSkipReason()
  ?? (whichTool('dumpcap') || whichTool('tcpdump') ? undefined : 'no capturer (apt-get install -y wireshark-common or tcpdump)')
  ?? (whichTool('tshark') ? false : 'tshark missing (apt-get install -y tshark)'));
if (skip) console.log(`# live.e2e skipped: ${skip}`);


let browser: Browser | undefined;
let srv: RunningServer | undefined;
let pair: NetnsPair | undefined;
let tmp = '';

before(async () => {
  if (skip) return;
  const pw = await import('playwright-core');
  tmp = mkdtempSync(join(tmpdir(), 'wl-ui-live-'));
  pair = createNetnsPair('wl-ui');
  srv = await startServer({ roots: [dirname(SAMPLE), tmp], staticDir: UI, open: SAMPLE, live: { launcher: pair.launcherA } });
  browser = await pw.chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  await srv?.close();
  pair?.down();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function tsharkCount(file: string, filter = ''): number {
  const r = spawnSync('tshark', ['-n', '-r', file, ...(filter ? ['-Y', filter] : []), '-T', 'fields', '-e', 'frame.number'], { encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l) => l.trim() !== '').length;
}

test('live capture on a veth: bad filter refused, rows arrive with the display filter applied, stop, save = tshark', { skip, timeout: 120_000 }, async () => {
  const ctx = await browser!.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  ctx.setDefaultTimeout(60_000);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv!.url);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#btn-capture');
  await page.waitForSelector('#cap-dlg[data-ready="1"]');
  await page.selectOption('#cap-iface', IF_A);
  // a bad capture filter: the capturer's message, nothing starts
  await page.fill('#cap-filter', 'icmp and and');
  await page.click('#cap-start');
  await page.waitForSelector('#cap-msg.bad');
  assert.match(await page.textContent('#cap-msg') ?? '', /Invalid capture filter "icmp and and"/);
  mkdirSync(ART, { recursive: true });
  await page.screenshot({ path: join(ART, 'ui-live-bad-filter.png') });
  await page.fill('#cap-filter', 'icmp');
  await page.click('#cap-start');
  await page.waitForSelector('body[data-capturing="1"]');
  await page.waitForSelector('#st-counts[data-total="0"]');
  // the display filter applies while the capture runs
  await page.fill('#filter', 'icmp.type == 8');
  await page.press('#filter', 'Enter');
  const ping = pair!.start('a', 'ping', ['-c', '5', '-i', '0.2', IP_B]);
  await page.waitForSelector('#list-rows .list-row[data-num]', { timeout: 20_000 });
  assert.equal(await exited(ping), 0);
  await page.waitForSelector('#st-counts[data-displayed="5"]', { timeout: 20_000 });
  await page.waitForSelector('#st-counts[data-total="10"]', { timeout: 20_000 });
  await page.screenshot({ path: join(ART, 'ui-live-capturing.png') });
  await page.click('#btn-stop');
  await page.waitForSelector('#btn-stop[hidden]', { state: 'attached' });
  await page.waitForSelector('body[data-state="done"]');
  const rows = await page.locator('#list-rows .list-row[data-num] .c-info').allTextContents();
  assert.equal(rows.length, 5);
  assert.ok(rows.every((r) => r.includes('Echo (ping) request')), rows.join('\n'));
  await page.screenshot({ path: join(ART, 'ui-live-stopped.png') });
  // Save: all packets (clear the display filter), then the displayed ones
  await page.fill('#filter', '');
  await page.press('#filter', 'Enter');
  await page.waitForSelector('#st-counts[data-displayed="10"]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#btn-save')]);
  const saved = join(tmp, 'live.pcapng');
  await dl.saveAs(saved);
  const total = Number(await page.getAttribute('#st-counts', 'data-total'));
  assert.equal(tsharkCount(saved), total);
  assert.equal(tsharkCount(saved, 'icmp.type == 8'), 5);
  assert.equal(tsharkCount(saved, 'icmp.type == 0'), 5);
  assert.deepEqual(errors, []);
  await ctx.close();
});
