/**
 * Reporting an unusable command line: one line on stderr, starting `attendance:`, that says what
 * is wrong and where to look, then exit code 2. Analysts paste these lines into tickets, so each
 * names the option and the value it got.
 *
 * @module
 */
import { EXIT, type CliIo } from './io.js';

/** A problem with the command line, as data: the message and the help to point at. */
export interface UsageProblem {
  readonly _tag: 'UsageProblem';
  readonly message: string;
  /** The command whose help explains the fix (`summarise`), or undefined for the top level. */
  readonly command?: string;
}

/**
 * The result of checking part of the command line: the value, or the problem. (A two-case union
 * rather than fp-ts Either: the CLI does not depend on fp-ts.)
 */
export type Checked<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly problem: UsageProblem };

/** A successful check. */
export const ok = <A>(value: A): Checked<A> => ({ ok: true, value });
/** A failed check. */
export const bad = <A = never>(problem: UsageProblem): Checked<A> => ({ ok: false, problem });

/** Builds a {@link UsageProblem}. */
export const usageProblem = (message: string, command?: string): UsageProblem =>
  command === undefined ? { _tag: 'UsageProblem', message } : { _tag: 'UsageProblem', message, command };

/**
 * Writes the problem as one line and returns exit code 2.
 * @example reportUsage(io, usageProblem("unknown option '--form'", 'summarise'))
 * // stderr: attendance: unknown option '--form' (see attendance summarise --help)
 */
export const reportUsage = (io: CliIo, problem: UsageProblem): number => {
  const see = problem.command === undefined ? 'attendance --help' : `attendance ${problem.command} --help`;
  io.stderr.write(`attendance: ${problem.message} (see ${see})\n`);
  return EXIT.usage;
};

/** Writes a problem with the input (not the command line) as one line and returns exit code 2. */
export const reportInputProblem = (io: CliIo, message: string): number => {
  io.stderr.write(`attendance: ${message}\n`);
  return EXIT.usage;
};
