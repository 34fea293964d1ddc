/**
 * Runs the CLI in-process with captured streams, for tests.
 */
import { run } from '../src/index.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const runCli = async (
  args: readonly string[],
  options: { readonly cwd?: string; readonly stderrIsTTY?: boolean } = {},
): Promise<CliResult> => {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrIsTTY ?? false },
    env: {},
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  return { code, stdout, stderr };
};
