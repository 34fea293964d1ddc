/**
 * Every `attendance` sub-command, one line each.
 *
 * To add a command (e.g. `attendance comparator`): write packages/cli/src/commands/comparator.ts
 * exporting `export const comparator: Command = { name, summary, help, run }` (see ../command.ts
 * and summarise.ts for the pattern: parse with ../parse-args.ts, report bad arguments with
 * ../usage-error.ts, exit 2), then add ONE line below:
 *
 *     export { comparator } from './comparator.js';
 *
 * ../run.ts reads this module's exports as the command list (`attendance --help` lists them by
 * name), so nothing else needs to change. Export only `Command` values from this file.
 *
 * @module
 */
export { summarise } from './summarise.js';
export { demo } from './demo.js';
export { comparator } from './comparator.js';
export { importCommand } from './import.js';
export { report } from './report.js';
export { fetchCommand } from './fetch.js';
