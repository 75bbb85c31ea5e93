// Display-filter macros from the user's configuration, like Wireshark's `dmacros` file
// ($WIRESHARK_CONFIG_DIR/dmacros, else ~/.config/wireshark/dmacros). Pass the result to
// compileFilter(text, { macros }). A missing or unreadable file means no macros.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseMacroFile } from '../dfilter/macros.js';

export function dmacrosPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['WIRESHARK_CONFIG_DIR'] || join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'wireshark');
  return join(dir, 'dmacros');
}

export function loadDisplayMacros(path: string = dmacrosPath()): Map<string, string> {
  try {
    return parseMacroFile(readFileSync(path, 'utf8'));
  } catch {
    return new Map();
  }
}
