/**
 * `attendance fetch wonde --school ID --out DIR`: fetches a school's pages from the Wonde API with
 * a token (read from an environment variable, never from the command line, never printed) and
 * saves them into DIR, for `attendance import --from wonde DIR` to read. The fetching (pagination,
 * retries, the token kept to the base URL) is adapter-wonde's `fetchWondePages`.
 *
 * @module
 */
import { resolve, relative } from 'node:path';
import { fetchWondePages, isWondeFetchError, WONDE_BASE_URL, type FetchEvent } from '@attendance-kit/adapter-wonde';
import { z } from 'zod';
import type { Command } from '../command.js';
import { EXIT, type CliIo } from '../io.js';
import { parse } from '../parse-args.js';
import { reportInputProblem, reportUsage, usageProblem } from '../usage-error.js';

const HELP = `attendance fetch: save a school's pages from an MIS API, for attendance import

Usage:
  attendance fetch wonde --school ID --out DIR [--base-url URL] [--token-env VAR]

Fetches from the Wonde API (https://docs.wonde.com) the school object, its attendance codes, its
students (with the education_details, extended_details and year includes) and its session marks
(attendance/session), following meta.pagination.next page by page, and saves each page as a JSON
file in DIR (created if missing). Then read them with attendance import --from wonde DIR.
  --school ID         the school's Wonde id, e.g. A1930499544
  --out DIR           the folder the pages are saved in
  --base-url URL      the API root (default ${WONDE_BASE_URL}); use the school's region domain,
                      e.g. https://api-ap-southeast-2.wonde.com/v1.0/ (the wrong one returns no data)
  --token-env VAR     the environment variable holding the API token (default WONDE_TOKEN). The
                      token is sent only to the base URL, as Authorization: Bearer, and never printed
  -h, --help          this help.

Busy (HTTP 429) and failing (5xx) answers are retried: a 429 after its Retry-After (at most 60 s),
a 5xx after 0.5 s doubling to 8 s; at most 6 tries a request and 5 minutes of waiting in all.

Exit codes: 0 saved; 1 the API failed or refused (the message says which URL and status);
2 bad command line or no token in the variable.

Examples:
  WONDE_TOKEN=... attendance fetch wonde --school A1930499544 --out exports/wonde
  attendance import --from wonde exports/wonde --out dataset
`;

const SOURCES = ['wonde'] as const;

const Options = z.object({
  source: z.enum(SOURCES, { message: `say what to fetch from: attendance fetch ${SOURCES.join('|')} ...` }),
  school: z.string({ message: "--school ID is required (the school's Wonde id, e.g. A1930499544)" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "--school must be a Wonde id (letters and digits, e.g. A1930499544)"),
  out: z.string({ message: '--out DIR is required' }).min(1, '--out DIR is required'),
  baseUrl: z
    .string()
    .refine((s) => {
      try {
        return ['http:', 'https:'].includes(new URL(s).protocol);
      } catch {
        return false;
      }
    }, '--base-url must be an http(s) URL, e.g. https://api.wonde.com/v1.0/')
    .optional(),
  tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, '--token-env must be an environment variable name, e.g. WONDE_TOKEN').default('WONDE_TOKEN'),
});

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const progress = (io: CliIo, e: FetchEvent): void => {
  if (e.kind === 'retry') {
    const why = e.status === 'network' ? 'a network failure' : `HTTP ${e.status}`;
    io.stderr.write(`attendance: ${why} from ${e.url}; trying again in ${(e.waitMs / 1000).toFixed(1)} s (try ${e.attempt + 1})\n`);
  }
};

/** The `fetch` command. */
export const fetchCommand: Command = {
  name: 'fetch',
  summary: "save a school's pages from the Wonde API (token from WONDE_TOKEN), for import --from wonde",
  help: HELP,
  run: async (args, io) => {
    const parsed = parse(args, { school: { type: 'string' }, out: { type: 'string', short: 'o' }, 'base-url': { type: 'string' }, 'token-env': { type: 'string' } }, 'fetch');
    if (!parsed.ok) return reportUsage(io, parsed.problem);
    const v = parsed.value.values;
    const positionals = parsed.value.positionals;
    if (positionals.length > 1) return reportUsage(io, usageProblem(`unexpected argument '${positionals[1] ?? ''}'`, 'fetch'));
    const checked = Options.safeParse({ source: positionals[0], school: str(v['school']), out: str(v['out']), baseUrl: str(v['base-url']), tokenEnv: str(v['token-env']) });
    if (!checked.success) return reportUsage(io, usageProblem(checked.error.issues[0]?.message ?? 'bad options', 'fetch'));
    const o = checked.data;
    const token = io.env[o.tokenEnv];
    if (token === undefined || token.trim() === '') {
      return reportUsage(io, usageProblem(`no Wonde token: the environment variable ${o.tokenEnv} is empty or not set (put the token there, or name another variable with --token-env)`, 'fetch'));
    }
    const cwd = io.cwd ?? process.cwd();
    const out = resolve(cwd, o.out);
    const label = relative(cwd, out) || '.';
    const perEndpoint = new Map<string, number>();
    try {
      for await (const page of fetchWondePages({ schoolId: o.school, token: token.trim(), saveTo: out, ...(o.baseUrl === undefined ? {} : { baseUrl: o.baseUrl }), onEvent: (e) => progress(io, e) })) {
        perEndpoint.set(page.endpoint, (perEndpoint.get(page.endpoint) ?? 0) + 1);
      }
    } catch (e) {
      if (isWondeFetchError(e)) {
        io.stderr.write(`attendance: fetch failed: ${e.message.replaceAll(token, '***')}\n`);
        return EXIT.failure;
      }
      if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return reportInputProblem(io, `cannot write ${label}: ${e.message.replaceAll(cwd + '/', '')}`);
      throw e;
    }
    const total = [...perEndpoint.values()].reduce((a, b) => a + b, 0);
    io.stdout.write(`fetched ${total} page(s) (${[...perEndpoint].map(([k, n]) => `${k} ${n}`).join(', ')}) into ${label}; next: attendance import --from wonde ${label} --out DATASET\n`);
    return EXIT.ok;
  },
};
