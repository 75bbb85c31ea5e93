// What the browser suites share: where the sample, the built UI and the artifacts are, Debian's
// chromium and its flags, why the suites skip, and playwright-core's types kept local (the suites
// compile without a browser).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE = join(repo, 'samples/sample.pcapng');
export const UI = join(repo, 'dist/ui');
export const ART = join(repo, 'test-artifacts');
export const CHROMIUM = process.env['WIRELENS_CHROMIUM'] ?? '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

/** Why the browser suites cannot run here (chromium or the built UI missing), else false. */
export function browserSkipReason(): string | false {
  return !existsSync(CHROMIUM) ? `${CHROMIUM} not found (apt-get install -y chromium)`
    : !existsSync(join(UI, 'index.html')) ? 'dist/ui not built (npm run build:ui)' : false;
}

export type PW = typeof import('playwright-core');
export type Browser = Awaited<ReturnType<PW['chromium']['launch']>>;
export type Page = Awaited<ReturnType<Browser['newPage']>>;
