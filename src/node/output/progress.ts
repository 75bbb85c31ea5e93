// A progress bar on stderr for long reads whose stdout shows nothing per packet (`-q`, `-w`):
//   [=========>          ]  48%  1,234,567 packets  812,345 packets/s
// Only when stderr is a terminal (never in pipes, logs or the output); redrawn at most 5 times a
// second; erased at the end. The percentage comes from the file offset of the last record read
// (unknown for compressed files and streams: then only the count and rate are shown).

import type { WriteStream } from 'node:tty';

const WIDTH = 30;

function group(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private shown = false;
  private packets = 0;

  /** `size`: the file's size in bytes when known (plain files), else 0. */
  constructor(private readonly out: WriteStream, private readonly size: number) {}

  /** Creates one when `stream` is a TTY, else undefined. */
  static forStream(stream: NodeJS.WriteStream, size: number): Progress | undefined {
    return stream.isTTY ? new Progress(stream as WriteStream, size) : undefined;
  }

  /** Call per frame read; cheap unless a redraw is due. */
  tick(fileOffset: number): void {
    this.packets++;
    if ((this.packets & 1023) !== 0) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    this.draw(fileOffset, now);
  }

  private draw(fileOffset: number, now: number): void {
    const secs = Math.max((now - this.start) / 1000, 1e-3);
    const rate = this.packets / secs;
    let bar = '';
    if (this.size > 0 && fileOffset >= 0) {
      const frac = Math.min(1, fileOffset / this.size);
      const n = Math.floor(frac * WIDTH);
      bar = `[${'='.repeat(n)}${n < WIDTH ? '>' : ''}${' '.repeat(Math.max(0, WIDTH - n - 1))}] ${String(Math.floor(frac * 100)).padStart(3)}%  `;
    }
    const cols = this.out.columns || 80;
    const text = `${bar}${group(this.packets)} packets  ${group(rate)} packets/s`;
    this.out.write('\r' + text.slice(0, cols - 1) + '\x1b[K');
    this.shown = true;
  }

  /** Erases the bar. */
  done(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
