/**
 * Live mode: fetches a school's pages from the Wonde API with a token and saves them as files, so
 * the same file reader (`wondeAdapter`) normalises them. I/O only; nothing here is normalised.
 *
 * - Endpoints (reference/mis-formats.md §2.2, SOLID): `schools/{id}`,
 *   `schools/{id}/attendance-codes`, `schools/{id}/students?include=education_details,extended_details,year`,
 *   `schools/{id}/attendance/session`.
 * - Auth (§2.1): `Authorization: Bearer <token>`. The token is only ever sent to the base URL's
 *   origin: a `meta.pagination.next` pointing elsewhere is refused, and redirects are not followed.
 *   It never appears in errors, events or saved files.
 * - Pagination (§2.3): `meta.pagination.next` is fetched verbatim until it is null (or absent),
 *   with a bound on pages and a guard against a page pointing back to one already fetched.
 * - Retries: HTTP 429 waits `Retry-After` (seconds or an HTTP date; capped), 5xx and network
 *   failures wait an exponential backoff (`baseDelayMs * 2^n`, capped); at most `maxAttempts`
 *   tries per request and at most `totalWaitMs` of waiting in all. Other statuses fail at once.
 *
 * @module
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How failed requests are retried. */
export interface RetryPolicy {
  /** Tries per request, the first included. */
  readonly maxAttempts: number;
  /** First backoff after a 5xx or a network failure; doubled each time. */
  readonly baseDelayMs: number;
  /** Largest single backoff. */
  readonly maxDelayMs: number;
  /** Largest wait a `Retry-After` header may ask for. */
  readonly maxRetryAfterMs: number;
  /** Most time spent waiting, over the whole fetch. */
  readonly totalWaitMs: number;
}

/** The default retry policy: 6 tries, 0.5 s doubling to 8 s, Retry-After up to 60 s, 5 min of waits in all. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000, totalWaitMs: 300_000 };

/** The default API root (UK region, §2.1). */
export const WONDE_BASE_URL = 'https://api.wonde.com/v1.0/';

/** One endpoint fetched. */
export interface WondeEndpoint {
  /** Names the saved files, e.g. `students`. */
  readonly name: string;
  /** The path below the base URL for school `id`. */
  readonly path: (schoolId: string) => string;
}

/** The endpoints the adapter reads, in the order fetched. */
export const WONDE_ENDPOINTS: readonly WondeEndpoint[] = [
  { name: 'school', path: (id) => `schools/${id}` },
  { name: 'attendance-codes', path: (id) => `schools/${id}/attendance-codes` },
  { name: 'students', path: (id) => `schools/${id}/students?include=education_details,extended_details,year` },
  { name: 'attendance-session', path: (id) => `schools/${id}/attendance/session` },
];

/** What happened, for progress and tests (never the token). */
export type FetchEvent =
  | { readonly kind: 'page'; readonly endpoint: string; readonly page: number; readonly url: string; readonly rows: number }
  | { readonly kind: 'retry'; readonly url: string; readonly status: number | 'network'; readonly attempt: number; readonly waitMs: number };

/** Options of {@link fetchWondePages}. */
export interface FetchWondeOptions {
  /** The school's Wonde id (e.g. `A1930499544`). */
  readonly schoolId: string;
  /** The API token (sent as `Authorization: Bearer`). */
  readonly token: string;
  /** API root; default {@link WONDE_BASE_URL}. */
  readonly baseUrl?: string;
  /** Save each page as a file in this folder (created if missing). */
  readonly saveTo?: string;
  /** The fetch to use; default the global one. */
  readonly fetch?: typeof globalThis.fetch;
  readonly retry?: Partial<RetryPolicy>;
  /** How to wait; default a timer. Tests pass one that records and resolves at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock, for `Retry-After` given as an HTTP date; default `Date.now`. */
  readonly now?: () => number;
  /** Per-request timeout; default 60 s. */
  readonly timeoutMs?: number;
  /** Most pages per endpoint; default 100000. */
  readonly maxPages?: number;
  /** Endpoints to fetch; default {@link WONDE_ENDPOINTS}. */
  readonly endpoints?: readonly WondeEndpoint[];
  readonly onEvent?: (event: FetchEvent) => void;
}

/** One fetched page. */
export interface FetchedPage {
  readonly endpoint: string;
  /** 1-based page number within its endpoint. */
  readonly page: number;
  readonly url: string;
  /** The response body, as received. */
  readonly body: string;
  /** Where it was saved, when `saveTo` was given. */
  readonly file?: string;
}

/** A fetch that failed for good; its message names the URL and status, never the token. */
export class WondeFetchError extends Error {
  override readonly name = 'WondeFetchError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Whether `e` is a {@link WondeFetchError}. */
export const isWondeFetchError = (e: unknown): e is WondeFetchError => e instanceof WondeFetchError;

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The wait a `Retry-After` value asks for, in ms (seconds, or an HTTP date), or undefined.
 * @example retryAfterMs('2', () => 0) // 2000
 */
export const retryAfterMs = (value: string | null, now: () => number): number | undefined => {
  if (value === null) return undefined;
  const t = value.trim();
  if (/^\d{1,9}$/.test(t)) return Number(t) * 1000;
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
};

const schoolIdOk = (id: string): boolean => /^[A-Za-z0-9_-]{1,64}$/.test(id);

/**
 * Fetches the school's pages, endpoint by endpoint, following `meta.pagination.next`, and yields
 * each page (saved first when `saveTo` is given). Throws a {@link WondeFetchError} when a request
 * fails for good or a page is not a Wonde page.
 * @example
 * for await (const p of fetchWondePages({ schoolId: 'A1930499544', token, saveTo: 'exports/wonde' })) console.log(p.file);
 * // then: attendance import --from wonde exports/wonde --out dataset
 */
export async function* fetchWondePages(o: FetchWondeOptions): AsyncGenerator<FetchedPage> {
  if (!schoolIdOk(o.schoolId)) throw new WondeFetchError(`school id ${JSON.stringify(o.schoolId.slice(0, 70))} is not a Wonde id (letters and digits, e.g. A1930499544)`);
  if (o.token.trim() === '' || /[\r\n]/.test(o.token)) throw new WondeFetchError('the token is empty or not one line');
  let base: URL;
  try {
    base = new URL(o.baseUrl ?? WONDE_BASE_URL);
  } catch {
    throw new WondeFetchError(`base URL ${JSON.stringify(o.baseUrl)} is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new WondeFetchError(`base URL ${base.href} is not http(s)`);
  if (!base.pathname.endsWith('/')) base = new URL(`${base.href}/`);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...o.retry };
  const doFetch = o.fetch ?? globalThis.fetch;
  const sleep = o.sleep ?? defaultSleep;
  const now = o.now ?? Date.now;
  const maxPages = o.maxPages ?? 100_000;
  let waited = 0;
  if (o.saveTo !== undefined) await mkdir(o.saveTo, { recursive: true });

  const wait = async (url: string, status: number | 'network', attempt: number, ms: number): Promise<void> => {
    if (waited + ms > policy.totalWaitMs) throw new WondeFetchError(`${url}: gave up after ${attempt} tries (${status === 'network' ? 'network failure' : `HTTP ${status}`}); the retry time budget of ${policy.totalWaitMs} ms is spent`, status === 'network' ? undefined : status);
    waited += ms;
    o.onEvent?.({ kind: 'retry', url, status, attempt, waitMs: ms });
    await sleep(ms);
  };

  const get = async (url: string): Promise<string> => {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.maxAttempts;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      let res: Response;
      try {
        res = await doFetch(url, { headers: { Authorization: `Bearer ${o.token}`, Accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(o.timeoutMs ?? 60_000) });
      } catch (e) {
        const why = e instanceof Error ? e.message.replaceAll(o.token, '***') : 'network failure';
        if (last) throw new WondeFetchError(`${url}: gave up after ${attempt} tries: ${why}`);
        await wait(url, 'network', attempt, backoff);
        continue;
      }
      if (res.ok) return res.text();
      await res.body?.cancel().catch(() => undefined);
      const retriable = res.status === 429 || res.status >= 500;
      if (!retriable) {
        const hint = res.status === 401 || res.status === 403 ? ': the token was refused (check it, and that the school has approved access)' : res.status === 404 ? ': not found (check the school id and the base URL / region)' : '';
        throw new WondeFetchError(`${url}: HTTP ${res.status}${hint}`, res.status);
      }
      if (last) throw new WondeFetchError(`${url}: gave up after ${attempt} tries (HTTP ${res.status})`, res.status);
      const asked = res.status === 429 ? retryAfterMs(res.headers.get('retry-after'), now) : undefined;
      await wait(url, res.status, attempt, asked === undefined ? backoff : Math.min(asked, policy.maxRetryAfterMs));
    }
  };

  for (const endpoint of o.endpoints ?? WONDE_ENDPOINTS) {
    let url: string | undefined = new URL(endpoint.path(encodeURIComponent(o.schoolId)), base).href;
    const seen = new Set<string>();
    for (let page = 1; url !== undefined; page++) {
      if (page > maxPages) throw new WondeFetchError(`${endpoint.name}: more than ${maxPages} pages; stopped`);
      if (seen.has(url)) throw new WondeFetchError(`${endpoint.name}: page ${page} points back to ${url}; stopped`);
      seen.add(url);
      const body = await get(url);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new WondeFetchError(`${url}: the response is not JSON`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.prototype.hasOwnProperty.call(parsed, 'data')) {
        throw new WondeFetchError(`${url}: the response is not a Wonde page ({ "data": ... })`);
      }
      const data = (parsed as { data: unknown }).data;
      const meta = (parsed as { meta?: unknown }).meta;
      const pagination = typeof meta === 'object' && meta !== null ? (meta as { pagination?: unknown }).pagination : undefined;
      const nextRaw = typeof pagination === 'object' && pagination !== null ? (pagination as { next?: unknown }).next : undefined;
      let next: string | undefined;
      if (typeof nextRaw === 'string' && nextRaw.trim() !== '') {
        let n: URL;
        try {
          n = new URL(nextRaw.trim(), base);
        } catch {
          throw new WondeFetchError(`${url}: meta.pagination.next ${JSON.stringify(nextRaw.slice(0, 100))} is not a URL`);
        }
        if (n.origin !== base.origin) throw new WondeFetchError(`${url}: meta.pagination.next points to ${n.origin}, not ${base.origin}; not followed (the token is only sent to the base URL)`);
        next = n.href;
      }
      let file: string | undefined;
      if (o.saveTo !== undefined) {
        const name = endpoint.name === 'school' ? 'school.json' : `${endpoint.name}-${String(page).padStart(5, '0')}.json`;
        file = join(o.saveTo, name);
        // Written to a hidden file beside, then renamed: a reader never sees half a page.
        const part = join(o.saveTo, `.${name}.part`);
        await writeFile(part, body);
        await rename(part, file);
      }
      o.onEvent?.({ kind: 'page', endpoint: endpoint.name, page, url, rows: Array.isArray(data) ? data.length : 1 });
      yield { endpoint: endpoint.name, page, url, body, ...(file === undefined ? {} : { file }) };
      url = next;
    }
  }
}
