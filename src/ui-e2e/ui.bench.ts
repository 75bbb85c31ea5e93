// "First rows visible" in a real browser on a big capture (issue 6): the page is open, the
// capture is opened with the Open dialog and the time from the click on the file until the packet
// list shows its first row is measured; then a filter over all packets typed in the filter bar, until
// the status bar shows the displayed count.
//   node dist/ui-e2e/ui.bench.js [CAPTURE (default bench/out/bench-500.pcap)] [filter …]
// Needs /usr/bin/chromium and dist/ui (npm run build). Prints one line per measurement.

import { basename, dirname, resolve } from 'node:path';
import { startServer } from '../node/server/http.js';
import { browserSkipReason, CHROMIUM, FLAGS, UI } from './browser.testutil.js';

const path = resolve(process.argv[2] ?? 'bench/out/bench-500.pcap');
const filters = process.argv.length > 3 ? process.argv.slice(3) : ['tcp', 'ip.addr == 10.77.0.2 and icmp', 'tcp.analysis.retransmission', 'http', 'frame contains "GET"'];
const skip = browserSkipReason();
if (skip) {
  console.log(`ui.bench skipped: ${skip}`);
  process.exit(0);
}
const pw = await import('playwright-core');
const srv = await startServer({ roots: [dirname(path)], staticDir: UI });
const browser = await pw.chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.setDefaultTimeout(600_000);
  await page.goto(srv.url);
  await page.waitForSelector('body[data-ready="1"]');
  // the Open dialog: the allowed directory, then the file (the clock starts at the click on it)
  await page.click('#btn-open');
  await page.locator('#open-list li', { hasText: dirname(path) }).dispatchEvent('mousedown');
  const file = page.locator('#open-list li', { hasText: basename(path) }).first();
  await file.waitFor();
  // measured in the page (a MutationObserver from the click to the first row in the DOM): what
  // playwright sees adds its own polling and round trips, hundreds of ms on a loaded machine
  await page.evaluate(`(() => {
    const o = new MutationObserver(() => {
      if (document.querySelector('#list-rows .list-row[data-num="1"]')) {
        document.body.dataset.firstRowMs = String(Math.round(performance.now() - window.wlT0));
        o.disconnect();
      }
    });
    o.observe(document.getElementById('list-rows'), { childList: true, subtree: true, attributes: true });
    window.wlT0 = performance.now();
  })()`);
  const t0 = performance.now();
  await file.dispatchEvent('mousedown');
  await page.waitForSelector('body[data-first-row-ms]');
  console.log(`${path}: first rows visible ${await page.getAttribute('body', 'data-first-row-ms')} ms after the click on the file (in the page; ${(performance.now() - t0).toFixed(0)} ms as playwright saw it)`);
  await srv.api.session!.ready();
  const st = srv.api.session!.status();
  console.log(`loaded ${st.frames} frames in ${(st.elapsedMs / 1000).toFixed(1)} s`);
  await page.waitForSelector(`#st-counts[data-total="${st.frames}"]`);
  for (const f of filters) {
    await page.fill('#filter', f);
    await page.waitForSelector('#filter.ok');
    await page.evaluate('delete document.body.dataset.filterMs');
    const t = performance.now();
    await page.press('#filter', 'Enter');
    // set once the filter answered and the list shows the first page of the displayed packets
    await page.waitForSelector('body[data-filter-ms]');
    const shown = await page.getAttribute('#st-counts', 'data-displayed');
    const inPage = await page.getAttribute('body', 'data-filter-ms');
    console.log(`filter ${JSON.stringify(f)}: ${shown}/${st.frames} displayed, list updated ${inPage} ms after Enter (in the page; ${(performance.now() - t).toFixed(0)} ms as playwright saw it)`);
    await page.click('#btn-clear');
    await page.waitForSelector(`#st-counts[data-displayed="${st.frames}"]`);
  }
} finally {
  await browser.close();
  await srv.close();
}
