/**
 * What every `attendance` sub-command provides. Each lives in its own module under commands/ and
 * is listed once in commands/registry.ts.
 *
 * @module
 */
import type { CliIo } from './io.js';

/** One sub-command of `attendance`. */
export interface Command {
  /** The word typed after `attendance`, e.g. `summarise`. */
  readonly name: string;
  /** Other words accepted for it, e.g. `summarize`. */
  readonly aliases?: readonly string[];
  /** One line for `attendance --help`. */
  readonly summary: string;
  /** The full help text printed by `attendance help NAME` and `attendance NAME --help`. */
  readonly help: string;
  /**
   * Runs with the arguments after the command word. Resolves to the exit code (see `EXIT`);
   * never calls `process.exit` and never writes anywhere but `io`.
   */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}
