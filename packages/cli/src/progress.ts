/**
 * Progress of a long import, on stderr only (stdout carries the result and may be piped).
 * On a terminal the line is redrawn in place; elsewhere (with --progress) one line per 10%.
 *
 * @module
 */
import type { OutStream } from './io.js';

/** Receives byte counts from the reader and draws them. */
export interface Progress {
  readonly onProgress: (bytesRead: number, totalBytes: number) => void;
  /** Ends the progress display (clears a redrawn line). */
  readonly done: () => void;
}

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** A progress display that shows nothing. */
export const noProgress: Progress = { onProgress: () => undefined, done: () => undefined };

/**
 * A progress display on `stream`, labelled e.g. `reading dataset`.
 * @example const p = progressOn(process.stderr, 'reading dataset'); p.onProgress(5e6, 1e7); p.done();
 */
export const progressOn = (stream: OutStream, label: string): Progress => {
  const redraw = stream.isTTY === true;
  const step = redraw ? 1 : 10;
  let shown = -1;
  return {
    onProgress: (bytesRead, totalBytes) => {
      const pct = totalBytes > 0 ? Math.min(100, Math.floor((bytesRead * 100) / totalBytes)) : 100;
      const bucket = Math.floor(pct / step) * step;
      if (bucket === shown) return;
      shown = bucket;
      const text = `attendance: ${label} ${String(bucket).padStart(3)}% (${megabytes(bytesRead)} of ${megabytes(totalBytes)})`;
      stream.write(redraw ? `\r${text}` : `${text}\n`);
    },
    done: () => {
      if (redraw && shown >= 0) stream.write('\r\u001b[2K');
    },
  };
};
