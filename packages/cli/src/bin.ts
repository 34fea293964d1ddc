#!/usr/bin/env node
/**
 * The `attendance` executable: runs `run` with the real process streams and sets the exit code.
 *
 * @module
 */
import { run } from './run.js';

// `attendance ... | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// exitCode rather than process.exit(): lets stdout drain when piped. No top-level await, so the
// CommonJS build of this file works too.
void run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
