/**
 * The command's view of the outside world, injected so tests run `run()` in-process and read
 * what it wrote. The bin passes `process.stdout`, `process.stderr` and `process.env`.
 *
 * @module
 */

/** Somewhere text goes: `process.stdout`, `process.stderr`, or a test buffer. */
export interface OutStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (progress is shown there by default). */
  readonly isTTY?: boolean;
}

/** Streams and environment given to {@link run}. */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against; defaults to `process.cwd()`. */
  readonly cwd?: string;
}

/** Exit codes: 0 done, 1 failed while running (a bug or a write error), 2 unusable command line or input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
