/**
 * `attendance` dispatch: top-level help and version, `help NAME`, `NAME --help`, then the command.
 *
 * @module
 */
import type { Command } from './command.js';
import * as registry from './commands/registry.js';
import { EXIT, type CliIo } from './io.js';
import { reportUsage, usageProblem } from './usage-error.js';
import { VERSION } from './version.js';

/** Every registered command, ordered by name. */
export const COMMANDS: readonly Command[] = Object.values(registry as Readonly<Record<string, Command>>).sort((a, b) =>
  a.name.localeCompare(b.name),
);

const findCommand = (word: string): Command | undefined =>
  COMMANDS.find((c) => c.name === word || (c.aliases ?? []).includes(word));

/** Levenshtein distance, for "did you mean" on a mistyped command word. */
const distance = (a: string, b: string): number => {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
};

const suggestion = (word: string): string => {
  const near = COMMANDS.map((c) => c.name).filter((n) => distance(n, word) <= 2 || n.startsWith(word));
  return near.length > 0 ? `; did you mean '${near.join("' or '")}'?` : '';
};

/** The text of `attendance --help`. */
export const topHelp = (): string => {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `attendance ${VERSION}: school attendance statistics for England, comparable with DfE's published figures.

Usage:
  attendance COMMAND [OPTIONS]
  attendance help COMMAND        full help for one command (or: attendance COMMAND --help)
  attendance --version           print the version

Commands:
${lines.join('\n')}

Exit codes: 0 done (rejected input rows are reported on stderr but do not fail the run);
  1 failed while running; 2 unusable command line, or an input path that cannot be read.

Examples:
  attendance demo --out demo-output
  attendance summarise ./dataset --by school --format table
  attendance summarise ./dataset --from 2024-09-02 --to 2024-12-20 --by school,year_group --format csv --out autumn.csv

Methodology: docs/methodology.md. Dataset format: docs/canonical-format.md. Command reference: docs/cli.md.
`;
};

const isHelpFlag = (a: string): boolean => a === '--help' || a === '-h';

/**
 * Runs the `attendance` command line in-process.
 *
 * @param argv the arguments after the program name (`process.argv.slice(2)`)
 * @param io where output goes and the environment (see {@link CliIo})
 * @returns the exit code: 0 done, 1 failure while running, 2 unusable command line or input
 * @example
 * const code = await run(['summarise', 'data', '--format', 'csv'], { stdout: process.stdout, stderr: process.stderr, env: process.env });
 */
export const run = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(topHelp());
    return EXIT.usage;
  }
  if (isHelpFlag(first) || (first === 'help' && rest.length === 0)) {
    io.stdout.write(topHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const word = rest[0] ?? '';
    const command = findCommand(word);
    if (command === undefined) return reportUsage(io, usageProblem(`no help for unknown command '${word}'${suggestion(word)}`));
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  if (first.startsWith('-')) return reportUsage(io, usageProblem(`unknown option '${first}' before the command`));
  const command = findCommand(first);
  if (command === undefined) return reportUsage(io, usageProblem(`unknown command '${first}'${suggestion(first)}`));
  const beforeTerminator = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeTerminator.some(isHelpFlag)) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A bug or an environment failure (disk full, broken pipe): say so plainly, exit 1.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`attendance: ${command.name} failed: ${message}\n`);
    if (io.env['ATTENDANCE_DEBUG'] !== undefined && error instanceof Error && error.stack !== undefined) {
      io.stderr.write(`${error.stack}\n`);
    }
    return EXIT.failure;
  }
};
