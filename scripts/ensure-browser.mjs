#!/usr/bin/env node
// Makes sure the browser test (packages/cli/test/browser.test.ts) has a Chromium before `npm test`
// runs it. Debian's `chromium` at /usr/bin/chromium (or CHROMIUM_PATH) is used as it is. Missing, and
// running as root on a machine with apt-get (CI, containers): install it, non-interactively. Otherwise
// say once how to install it and carry on: the browser test then fails with the same advice. It never
// downloads a browser any other way (no `playwright install`). See docs/reports-browser.md.
// Opt out of the install with ATTENDANCE_NO_BROWSER_INSTALL=1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const advice = `Install Debian's chromium (as root: apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`;

if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
const optedOut = process.env.ATTENDANCE_NO_BROWSER_INSTALL === '1';

if (process.env.CHROMIUM_PATH !== undefined || !isRoot || !hasApt || optedOut) {
  const why = process.env.CHROMIUM_PATH !== undefined ? 'CHROMIUM_PATH names no file' : optedOut ? 'ATTENDANCE_NO_BROWSER_INSTALL=1' : !hasApt ? 'no apt-get' : 'not root';
  console.error(`ensure-browser: no Chromium at ${path} (${why}); the browser test will fail. ${advice}`);
  process.exit(0);
}

console.error(`ensure-browser: no Chromium at ${path}; installing Debian's chromium with apt-get (the browser test needs it).`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', 'chromium']]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', process.stderr, process.stderr], env });
  if (r.status !== 0) {
    console.error(`ensure-browser: apt-get ${args.join(' ')} failed (exit ${r.status}); the browser test will fail. ${advice}`);
    process.exit(0);
  }
}
console.error(existsSync(path) ? `ensure-browser: installed ${path}.` : `ensure-browser: apt-get finished but ${path} is still missing. ${advice}`);
