/**
 * Runs the CLI in-process with captured streams, for tests.
 */
import { fileURLToPath } from 'node:url';
import { run } from '../src/index.js';

/** The repository root: tests name files relative to it, whatever vitest's working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

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
    cwd: options.cwd ?? REPO_ROOT,
  });
  return { code, stdout, stderr };
};
