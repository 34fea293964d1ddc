import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRun, runAdapter } from '@attendance-kit/adapter-kit/testing';
import { fetchWondePages, isWondeFetchError, retryAfterMs, wondeAdapter, type FetchEvent } from '../src/index.js';

const BASIC = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'accepted', 'basic');
const TOKEN = 'test-token-5ecret';
const SCHOOL = 'A1930499544';

/** Routes of the recorded pages (path + page) to fixture files. */
const ROUTES: Readonly<Record<string, string>> = {
  [`/v1.0/schools/${SCHOOL}`]: 'zz-school.json',
  [`/v1.0/schools/${SCHOOL}/attendance-codes`]: 'm-codes.json',
  [`/v1.0/schools/${SCHOOL}/students#1`]: 'b-students-page-1.json',
  [`/v1.0/schools/${SCHOOL}/students#2`]: 'b-students-page-2.json',
  [`/v1.0/schools/${SCHOOL}/attendance/session#1`]: 'a-session-1.json',
  [`/v1.0/schools/${SCHOOL}/attendance/session#2`]: 'a-session-2.json',
};

interface Recorded {
  readonly url: string;
  readonly status: number;
}

/** A local server on 127.0.0.1 serving the recorded pages; `faults` answer the first requests of a route. */
const startServer = async (faults: Map<string, { status: number; headers?: Record<string, string> }[]>, log: Recorded[]): Promise<{ server: Server; base: string }> => {
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      log.push({ url: `${url.pathname}${url.search}`, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, '{"error":"unauthorised"}');
    const page = url.searchParams.get('page') ?? '1';
    const key = ROUTES[url.pathname] !== undefined ? url.pathname : `${url.pathname}#${page}`;
    const fault = faults.get(key)?.shift();
    if (fault !== undefined) return send(fault.status, '{"error":"try again"}', fault.headers);
    const file = ROUTES[key];
    if (file === undefined) return send(404, '{"error":"not found"}');
    void readFile(join(BASIC, file), 'utf8').then((text) => send(200, text.replaceAll('https://api.wonde.com/v1.0/', `${origin}/v1.0/`)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base: `${origin}/v1.0/` };
};

const dirs: string[] = [];
const scratch = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'wonde-fetch-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const canonical = async (dir: string): Promise<unknown> => {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !/^(expected|golden)/.test(n)).sort();
  const r = resolveRun(await runAdapter(wondeAdapter, names.map((n) => join(dir, n)), {}));
  return { schools: r.schools, pupils: r.pupils, marks: r.marks, issues: [...r.issues.values()].flat() };
};

describe('fetchWondePages against a local server of recorded pages', () => {
  const log: Recorded[] = [];
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const faults = new Map([
      [`/v1.0/schools/${SCHOOL}/students#2`, [{ status: 429, headers: { 'retry-after': '7' } }]],
      [`/v1.0/schools/${SCHOOL}/attendance/session#1`, [{ status: 500 }]],
    ]);
    ({ server, base } = await startServer(faults, log));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('follows meta.pagination.next, retries the 429 (after its Retry-After, capped) and the 500 (after the backoff), and saves pages the file reader turns into the same records', async () => {
    const out = await scratch();
    const waits: number[] = [];
    const events: FetchEvent[] = [];
    const pages = [];
    for await (const p of fetchWondePages({ baseUrl: base, token: TOKEN, schoolId: SCHOOL, saveTo: out, sleep: async (ms) => void waits.push(ms), retry: { baseDelayMs: 3, maxRetryAfterMs: 5000 }, onEvent: (e) => events.push(e) })) {
      pages.push(`${p.endpoint}#${p.page}`);
    }
    expect(pages).toEqual(['school#1', 'attendance-codes#1', 'students#1', 'students#2', 'attendance-session#1', 'attendance-session#2']);
    expect(waits).toEqual([5000, 3]);
    expect(events.filter((e) => e.kind === 'retry').map((e) => (e.kind === 'retry' ? e.status : 0))).toEqual([429, 500]);
    expect(log.filter((l) => l.status !== 200).map((l) => l.status)).toEqual([429, 500]);
    expect(log.filter((l) => l.status === 200)).toHaveLength(6);
    expect(await canonical(out)).toEqual(await canonical(BASIC));
    for (const name of await readdir(out)) expect(await readFile(join(out, name), 'utf8')).not.toContain(TOKEN);
  });

  it('gives up after maxAttempts tries of a 503, waiting a doubling backoff, and says so without the token', async () => {
    const failing: Recorded[] = [];
    const always = new Map([[`/v1.0/schools/${SCHOOL}`, Array.from({ length: 10 }, () => ({ status: 503 }))]]);
    const s = await startServer(always, failing);
    const waits: number[] = [];
    try {
      const run = async (): Promise<void> => {
        for await (const _ of fetchWondePages({ baseUrl: s.base, token: TOKEN, schoolId: SCHOOL, sleep: async (ms) => void waits.push(ms), retry: { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 5 } })) void _;
      };
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isWondeFetchError(error)).toBe(true);
      expect(String(error)).toContain('gave up after 4 tries (HTTP 503)');
      expect(String(error)).not.toContain(TOKEN);
      expect(failing).toHaveLength(4);
      expect(waits).toEqual([2, 4, 5]);
    } finally {
      await new Promise<void>((r) => s.server.close(() => r()));
    }
  });

  it('stops when the total retry wait would pass its budget', async () => {
    const failing: Recorded[] = [];
    const always = new Map([[`/v1.0/schools/${SCHOOL}`, Array.from({ length: 10 }, () => ({ status: 429, headers: { 'retry-after': '60' } }))]]);
    const s = await startServer(always, failing);
    try {
      const gen = fetchWondePages({ baseUrl: s.base, token: TOKEN, schoolId: SCHOOL, sleep: async () => undefined, retry: { maxRetryAfterMs: 1000, totalWaitMs: 2500 } });
      await expect(gen.next()).rejects.toThrow(/retry time budget of 2500 ms/);
      expect(failing).toHaveLength(3);
    } finally {
      await new Promise<void>((r) => s.server.close(() => r()));
    }
  });

  it('refuses a wrong token with a clear error and does not retry it', async () => {
    const gen = fetchWondePages({ baseUrl: base, token: 'wrong', schoolId: SCHOOL, sleep: async () => undefined });
    await expect(gen.next()).rejects.toThrow(/HTTP 401: the token was refused/);
  });

  it('never follows a next page on another host (the token would go there)', async () => {
    const fake: typeof fetch = async () => new Response(JSON.stringify({ data: [], meta: { pagination: { next: 'https://elsewhere.example/v1.0/steal', more: true } } }), { status: 200 });
    const seen: string[] = [];
    const gen = fetchWondePages({ baseUrl: 'https://api.wonde.com/v1.0/', token: TOKEN, schoolId: SCHOOL, fetch: async (u, i) => (seen.push(String(u)), fake(u, i)) });
    await expect(gen.next()).rejects.toThrow(/points to https:\/\/elsewhere.example.*not followed/);
    expect(seen).toEqual([`https://api.wonde.com/v1.0/schools/${SCHOOL}`]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3', () => 0)).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', () => Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(10_000);
    expect(retryAfterMs('soon', () => 0)).toBeUndefined();
  });
});
