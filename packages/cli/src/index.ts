/**
 * @attendance-kit/cli: the `attendance` command, runnable in-process for tests and embedding.
 * @packageDocumentation
 */
export { run, COMMANDS, topHelp } from './run.js';
export type { CliIo, OutStream } from './io.js';
export { EXIT } from './io.js';
export type { Command } from './command.js';
export { VERSION } from './version.js';
