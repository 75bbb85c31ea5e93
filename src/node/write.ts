// Writing capture files: capture/writer.ts encodes into a 1 MiB buffer, this file hands each full
// buffer to the OS with a synchronous write (bounded memory, no queue to grow), '-' = stdout.
// Errors are CaptureErrors worded as tshark's.

import { closeSync, fsyncSync, openSync } from 'node:fs';
import { writeFullySync } from './output/out.js';
import { CaptureWriter, type WritableFrame, type WriterInterface, type WriterOptions } from '../capture/writer.js';
import { CaptureError } from '../capture/types.js';

export type { WriteFormat, WritableFrame, WriterInterface } from '../capture/writer.js';

export type FileWriterOptions = Omit<WriterOptions, 'sink' | 'syncSink'>;

export class CaptureFileWriter {
  readonly writer: CaptureWriter;
  private closed = false;

  private constructor(private readonly fd: number, readonly path: string, opts: FileWriterOptions, private readonly ownFd: boolean) {
    this.writer = new CaptureWriter({ ...opts, sink: (piece) => this.writeAll(piece), syncSink: true });
  }

  /** Opens (creates/truncates) `path` for writing; '-' writes to stdout. */
  static open(path: string, opts: FileWriterOptions): CaptureFileWriter {
    if (path === '-') return new CaptureFileWriter(1, path, opts, false);
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (e) {
      throw openError(path, e);
    }
    try {
      return new CaptureFileWriter(fd, path, opts, true);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  get interfaceCount(): number { return this.writer.interfaceCount; }
  addInterface(i: WriterInterface): number { return this.writer.addInterface(i); }
  syncInterfaces(list: readonly WriterInterface[]): void { this.writer.syncInterfaces(list); }
  writeFrame(f: WritableFrame): void { this.writer.writeFrame(f); }

  /** Writes what is buffered and closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.writer.finish();
    } finally {
      if (this.ownFd) closeSync(this.fd);
    }
  }

  /** Flushes to the OS and, for a file, to the disk. */
  sync(): void {
    this.writer.flush();
    if (this.ownFd) fsyncSync(this.fd);
  }

  private writeAll(piece: Uint8Array): void {
    try {
      writeFullySync(this.fd, piece);
    } catch (e) {
      throw writeError(this.path, e);
    }
  }
}

function openError(path: string, e: unknown): CaptureError {
  switch ((e as { code?: string }).code) {
    case 'ENOENT': return new CaptureError(`The path to the file "${path}" doesn't exist.`, 'io');
    case 'EISDIR': return new CaptureError(`"${path}" is a directory (folder), not a file.`, 'io');
    case 'EACCES': case 'EPERM': return new CaptureError(`You don't have permission to create or write to the file "${path}".`, 'io');
    default: return new CaptureError(`The file "${path}" could not be created: ${(e as Error).message}.`, 'io');
  }
}

function writeError(path: string, e: unknown): CaptureError {
  const name = path === '-' ? 'the standard output' : `the file "${path}"`;
  switch ((e as { code?: string }).code) {
    case 'ENOSPC': return new CaptureError(`Not all the packets could be written to ${name} because there is no space left on the file system.`, 'io');
    case 'EDQUOT': return new CaptureError(`Not all the packets could be written to ${name} because you are too close to, or over, your disk quota.`, 'io');
    case 'EPIPE': return new CaptureError(`An error occurred while writing to ${name}: broken pipe.`, 'io');
    default: return new CaptureError(`An error occurred while writing to ${name}: ${(e as Error).message}.`, 'io');
  }
}
