import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { wondeAdapter } from '@attendance-kit/adapter-wonde';
import { fetchCommand } from '../src/commands/fetch.js';
import { REPO_ROOT } from './run-cli.js';

const BASIC = join(REPO_ROOT, 'packages/adapter-wonde/test/fixtures/accepted/basic');
const TOKEN = 'cli-test-token-9f8e';
const SCHOOL = 'A1930499544';
const ROUTES: Readonly<Record<string, string>> = {
  [`/v1.0/schools/${SCHOOL}#1`]: 'zz-school.json',
  [`/v1.0/schools/${SCHOOL}/attendance-codes#1`]: 'm-codes.json',
  [`/v1.0/schools/${SCHOOL}/students#1`]: 'b-students-page-1.json',
  [`/v1.0/schools/${SCHOOL}/students#2`]: 'b-students-page-2.json',
  [`/v1.0/schools/${SCHOOL}/attendance/session#1`]: 'a-session-1.json',
  [`/v1.0/schools/${SCHOOL}/attendance/session#2`]: 'a-session-2.json',
};

const run = async (args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const code = await fetchCommand.run(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: REPO_ROOT });
  return { code, stdout, stderr };
};

const records = async (paths: readonly string[]): Promise<unknown> => {
  const r = resolveRun(await runAdapter(wondeAdapter, paths, {}));
  return { schools: r.schools, pupils: r.pupils, marks: r.marks };
};

describe('attendance fetch wonde (against a local server of recorded pages on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  const statuses: number[] = [];
  // One 429 (Retry-After: 0) and one 500 on the way; the 500's backoff is the default 0.5 s.
  const faults = new Map([
    [`/v1.0/schools/${SCHOOL}/students#2`, [429]],
    [`/v1.0/schools/${SCHOOL}/attendance/session#1`, [500]],
  ]);
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', base);
      const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
        statuses.push(status);
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body);
      };
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, '{}');
      const key = `${url.pathname}#${url.searchParams.get('page') ?? '1'}`;
      const fault = faults.get(key)?.shift();
      if (fault !== undefined) return send(fault, '{}', { 'retry-after': '0' });
      const file = ROUTES[key];
      if (file === undefined) return send(404, '{}');
      void readFile(join(BASIC, file), 'utf8').then((t) => send(200, t.replaceAll('https://api.wonde.com/v1.0/', base)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('saves every page into --out, retrying the 429 and the 500, and the saved folder reads as the recorded pages do', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cli-fetch-')), 'wonde');
    const r = await run(['wonde', '--school', SCHOOL, '--out', out, '--base-url', base, '--token-env', 'MY_WONDE'], { MY_WONDE: TOKEN });
    expect(r.stderr).toMatch(/HTTP 429 .*trying again/);
    expect(r.stderr).toMatch(/HTTP 500 .*trying again/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fetched 6 page\(s\) \(school 1, attendance-codes 1, students 2, attendance-session 2\) into .*wonde; next: attendance import --from wonde/);
    expect(statuses.filter((s) => s !== 200)).toEqual([429, 500]);
    const saved = readdirSync(out).sort();
    expect(saved).toHaveLength(6);
    for (const f of saved) expect(readFileSync(join(out, f), 'utf8')).not.toContain(TOKEN);
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);
    const fixtureFiles = readdirSync(BASIC).filter((n) => !/^(expected|golden)/.test(n)).map((n) => join(BASIC, n));
    expect(await records(saved.map((f) => join(out, f)))).toEqual(await records(fixtureFiles));
  });

  it('exits 2 with one line when the token variable is not set, naming the variable', async () => {
    const r = await run(['wonde', '--school', SCHOOL, '--out', 'x', '--base-url', base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('attendance: no Wonde token: the environment variable WONDE_TOKEN is empty or not set (put the token there, or name another variable with --token-env) (see attendance fetch --help)\n');
  });

  it('exits 2 on a bad command line: no source, an unknown source, no --school, a bad --base-url', async () => {
    for (const args of [['--school', SCHOOL, '--out', 'x'], ['arbor', '--school', SCHOOL, '--out', 'x'], ['wonde', '--out', 'x'], ['wonde', '--school', SCHOOL, '--out', 'x', '--base-url', 'ftp://x']]) {
      const r = await run(args, { WONDE_TOKEN: TOKEN });
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stderr).toMatch(/^attendance: .*\(see attendance fetch --help\)\n$/);
    }
  });

  it('exits 1 with the URL and status, never the token, when the API refuses the token', async () => {
    const r = await run(['wonde', '--school', SCHOOL, '--out', join(mkdtempSync(join(tmpdir(), 'cli-fetch-')), 'w'), '--base-url', base], { WONDE_TOKEN: 'not-the-token' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^attendance: fetch failed: http:\/\/127\.0\.0\.1:\d+\/v1\.0\/schools\/A1930499544: HTTP 401: the token was refused/);
    expect(r.stderr).not.toContain('not-the-token');
  });
});
