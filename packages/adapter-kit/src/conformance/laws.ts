/**
 * The laws every adapter must keep, each a check that throws (with a message naming the fixture
 * and what broke) when the adapter breaks it. Ids are stable: `[CONF-n]` in test titles and in the
 * JSON conformance report.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CanonicalMark, CanonicalPupil, CanonicalSchool, isMarkCodeInForce } from '@attendance-kit/core';
import {
  recordKey,
  recordText,
  resolveRecords,
  RESOLVE_ISSUE_CODES,
  type AnyAdapter,
  type AdapterOptions,
  type CanonicalRecord,
  type Normalized,
  type RawRecord,
  type Resolved,
  type SourceBatch,
} from '../adapter.js';
import { generatedFiles, mutate, mutations, type GeneratedFile, type Mutation } from './inputs.js';
import { readAll, resolveRun, runAdapter, type AdapterRun, type ConformanceFixture, type Scratch } from './run-adapter.js';

/** What a law is checked with. */
export interface LawContext {
  readonly adapter: AnyAdapter;
  readonly fixtures: readonly ConformanceFixture[];
  /** Runs per generated-input property. */
  readonly numRuns: number;
  /** Extra generated inputs the vendor supplies (e.g. near-valid files of their format). */
  readonly arbitraries: readonly fc.Arbitrary<GeneratedFile>[];
  readonly scratch: Scratch;
  readonly seed?: number;
}

/** One law. */
export interface Law {
  readonly id: string;
  readonly title: string;
  readonly check: (ctx: LawContext) => Promise<void>;
}

const optionsOf = (f: ConformanceFixture): AdapterOptions => f.options ?? {};

const fail = (law: string, fixture: string, what: string): never => {
  throw new Error(`${law} fails on ${fixture}: ${what}`);
};

/** One hostile input file: generated, or a fixture file with mutations applied. */
type HostileFile =
  | { readonly _tag: 'generated'; readonly file: GeneratedFile }
  | { readonly _tag: 'mutated'; readonly fixture: ConformanceFixture; readonly path: string; readonly mutations: readonly Mutation[] };

interface HostileInput {
  readonly files: readonly HostileFile[];
  readonly options: AdapterOptions;
}

/** Hostile inputs: generated files, and mutations of each fixture's files. */
const hostileInput = (ctx: LawContext): fc.Arbitrary<HostileInput> => {
  const generated = fc.oneof(generatedFiles(), ...ctx.arbitraries).map((file): HostileInput => ({ files: [{ _tag: 'generated', file }], options: {} }));
  const withPaths = ctx.fixtures.filter((f) => f.paths.length > 0);
  if (withPaths.length === 0) return generated;
  const mutated = fc
    .tuple(fc.nat(withPaths.length - 1), fc.nat(1000), fc.array(mutations(), { minLength: 1, maxLength: 3 }))
    .map(([fi, pi, ms]): HostileInput => {
      const fixture = withPaths[fi] as ConformanceFixture;
      const path = fixture.paths[pi % fixture.paths.length] as string;
      return { files: [{ _tag: 'mutated', fixture, path, mutations: ms }], options: optionsOf(fixture) };
    });
  return fc.oneof(generated, mutated);
};

const labelOf = (files: readonly HostileFile[]): string =>
  files.map((f) => (f._tag === 'generated' ? f.file.name : `${f.fixture.name}/${basename(f.path)} mutated ${JSON.stringify(f.mutations)}`)).join(', ');

/** Materialises a hostile input as files in the scratch folder. */
const materialise = async (ctx: LawContext, files: readonly HostileFile[]): Promise<string[]> =>
  Promise.all(
    files.map(async (f) => {
      if (f._tag === 'generated') return ctx.scratch.file(f.file.name, f.file.bytes);
      let bytes: Uint8Array = new Uint8Array(await readFile(f.path));
      for (const m of f.mutations) bytes = mutate(bytes, m);
      return ctx.scratch.file(basename(f.path), bytes);
    }),
  );

const fuzz = (ctx: LawContext, check: (run: AdapterRun, label: string) => void): Promise<void> =>
  fc.assert(
    fc.asyncProperty(hostileInput(ctx), async ({ files, options }) => {
      const paths = await materialise(ctx, files);
      const run = await runAdapter(ctx.adapter, paths, options);
      check(run, labelOf(files));
    }),
    { numRuns: ctx.numRuns, ...(ctx.seed === undefined ? {} : { seed: ctx.seed }) },
  );

const eachFixture = async (ctx: LawContext, check: (f: ConformanceFixture, run: AdapterRun) => void | Promise<void>): Promise<void> => {
  for (const f of ctx.fixtures) await check(f, await runAdapter(ctx.adapter, f.paths, optionsOf(f)));
};

const decodes = (r: CanonicalRecord): boolean =>
  r._tag === 'school' ? CanonicalSchool.is(r.school) : r._tag === 'pupil' ? CanonicalPupil.is(r.pupil) : CanonicalMark.is(r.mark) && isMarkCodeInForce(r.mark);

const declaredCodes = (adapter: AnyAdapter): Set<string> => new Set([...Object.keys(adapter.issueCodes), ...Object.keys(RESOLVE_ISSUE_CODES)]);

const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Reflect.ownKeys(v)) deepFreeze((v as Record<PropertyKey, unknown>)[k]);
  }
  return v;
};

/** Keys whose winner depends on order: several versions tie (no later `recordedAt`) with different content. */
const ambiguousKeys = (records: readonly CanonicalRecord[]): Set<string> => {
  const best = new Map<string, { stamp: string; texts: Set<string> }>();
  for (const r of records) {
    const key = recordKey(r);
    const stamp = r._tag === 'mark' ? (r.mark.recordedAt ?? '') : '';
    const b = best.get(key);
    if (b === undefined || stamp > b.stamp) best.set(key, { stamp, texts: new Set([recordText(r)]) });
    else if (stamp === b.stamp) b.texts.add(recordText(r));
  }
  return new Set([...best].filter(([, b]) => b.texts.size > 1).map(([k]) => k));
};

const winnersOf = (r: Resolved, skip: ReadonlySet<string>): string[] =>
  [
    ...r.schools.map((school) => ({ _tag: 'school' as const, school })),
    ...r.pupils.map((pupil) => ({ _tag: 'pupil' as const, pupil })),
    ...r.marks.map((mark) => ({ _tag: 'mark' as const, mark })),
  ]
    .filter((rec) => !skip.has(recordKey(rec)))
    .map(recordText)
    .sort();

const totals = (r: Resolved): { read: number; accepted: number; superseded: number; rejected: number } => {
  const t = { read: 0, accepted: 0, superseded: 0, rejected: 0 };
  for (const c of r.counts.values()) {
    t.read += c.read;
    t.accepted += c.accepted;
    t.superseded += c.superseded;
    t.rejected += c.rejected;
  }
  return t;
};

const allRecords = (run: AdapterRun): CanonicalRecord[] => run.normalized.flatMap((n) => n.records);

const shuffled = <T>(xs: readonly T[], keys: readonly number[]): T[] =>
  xs.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.x);

const batchOf = (raw: RawRecord<unknown>, n: Normalized): SourceBatch => ({ source: raw.file, records: n.records, read: n.read, rejected: n.rejected, issues: n.issues });

/** The laws, in order. */
export const LAWS: readonly Law[] = [
  {
    id: 'CONF-1',
    title: 'never throws on any input (generated text, JSON, CSV, XML, bytes, and mutated fixtures)',
    check: (ctx) => fuzz(ctx, () => undefined),
  },
  {
    id: 'CONF-2',
    title: 'is deterministic: reading and normalizing the same files twice gives the same records and issues',
    check: (ctx) =>
      eachFixture(ctx, async (f, run) => {
        const again = await runAdapter(ctx.adapter, f.paths, optionsOf(f));
        if (!isDeepStrictEqual(run, again)) fail('CONF-2', f.name, 'two runs differ');
      }),
  },
  {
    id: 'CONF-3',
    title: 'never mutates its input: normalize works on deep-frozen raw records and options and leaves them equal',
    check: (ctx) =>
      eachFixture(ctx, (f) =>
        readAll(ctx.adapter, f.paths, optionsOf(f)).then((raws) => {
          const options = deepFreeze(structuredClone(optionsOf(f)));
          for (const raw of raws) {
            const before = structuredClone(raw);
            try {
              ctx.adapter.normalize(deepFreeze(raw), options);
            } catch (e) {
              fail('CONF-3', f.name, `normalize threw on a frozen record at ${raw.path ?? raw.line ?? raw.file}: ${String(e)}`);
            }
            if (!isDeepStrictEqual(before, raw)) fail('CONF-3', f.name, `raw record at ${raw.path ?? raw.line ?? raw.file} changed`);
          }
        }),
      ),
  },
  {
    id: 'CONF-4',
    title: "every output record decodes with core's canonical codecs (and each mark's code is in force on its date)",
    check: async (ctx) => {
      const check = (run: AdapterRun, label: string): void => {
        const bad = allRecords(run).find((r) => !decodes(r));
        if (bad !== undefined) fail('CONF-4', label, `record does not decode: ${recordText(bad)}`);
      };
      await eachFixture(ctx, (f, run) => check(run, f.name));
      await fuzz(ctx, check);
    },
  },
  {
    id: 'CONF-5',
    title: 'raises only the issue codes it declares',
    check: async (ctx) => {
      const declared = declaredCodes(ctx.adapter);
      const check = (run: AdapterRun, label: string): void => {
        for (const n of run.normalized) for (const i of n.issues) if (!declared.has(i.code)) fail('CONF-5', label, `undeclared issue code ${i.code}`);
      };
      await eachFixture(ctx, (f, run) => check(run, f.name));
      await fuzz(ctx, check);
    },
  },
  {
    id: 'CONF-6',
    title: 'row order does not change the result (except which of several tied versions of one key wins)',
    check: (ctx) =>
      eachFixture(ctx, async (f, run) => {
        const skip = ambiguousKeys(allRecords(run));
        const base = resolveRun(run);
        await fc.assert(
          fc.property(fc.array(fc.integer(), { minLength: run.raws.length, maxLength: run.raws.length }), (keys) => {
            const order = shuffled(
              run.raws.map((raw, i) => batchOf(raw, run.normalized[i] as Normalized)),
              keys,
            );
            const other = resolveRecords(order);
            if (!isDeepStrictEqual(winnersOf(other, skip), winnersOf(base, skip))) fail('CONF-6', f.name, 'a reordering changes the accepted records');
            if (!isDeepStrictEqual(totals(other), totals(base))) fail('CONF-6', f.name, 'a reordering changes the counts');
          }),
          { numRuns: Math.max(5, Math.floor(ctx.numRuns / 2)), ...(ctx.seed === undefined ? {} : { seed: ctx.seed }) },
        );
      }),
  },
  {
    id: 'CONF-7',
    title: 'splitting an export into batches (files read one by one, records resolved in parts then merged) does not change the result',
    check: (ctx) =>
      eachFixture(ctx, async (f, run) => {
        const base = resolveRun(run);
        const oneByOne: RawRecord<unknown>[] = [];
        for (const p of f.paths) oneByOne.push(...(await readAll(ctx.adapter, [p], optionsOf(f))));
        if (!isDeepStrictEqual(oneByOne, run.raws)) fail('CONF-7', f.name, 'reading the files one by one gives other raw records than reading them together');
        await fc.assert(
          fc.property(fc.nat(run.raws.length), (cut) => {
            const batches = run.raws.map((raw, i) => batchOf(raw, run.normalized[i] as Normalized));
            const parts = [resolveRecords(batches.slice(0, cut)), resolveRecords(batches.slice(cut))];
            // Merge the parts' winners, as an import into an existing dataset does.
            const merged = resolveRecords(
              parts.map((p, i) => ({
                source: `part${i}`,
                records: [
                  ...p.schools.map((school) => ({ _tag: 'school' as const, school })),
                  ...p.pupils.map((pupil) => ({ _tag: 'pupil' as const, pupil })),
                  ...p.marks.map((mark) => ({ _tag: 'mark' as const, mark })),
                ],
                read: 0,
                rejected: 0,
                issues: [],
              })),
            );
            if (!isDeepStrictEqual(winnersOf(merged, new Set()), winnersOf(base, new Set()))) fail('CONF-7', f.name, `splitting at record ${cut} changes the accepted records`);
          }),
          { numRuns: Math.max(5, Math.floor(ctx.numRuns / 2)), ...(ctx.seed === undefined ? {} : { seed: ctx.seed }) },
        );
      }),
  },
  {
    id: 'CONF-8',
    title: 'every input record is accounted for: read = records + rejected per raw record, and accepted + superseded + rejected = read',
    check: async (ctx) => {
      const check = (run: AdapterRun, label: string): void => {
        run.normalized.forEach((n, i) => {
          const ok = Number.isInteger(n.read) && Number.isInteger(n.rejected) && n.rejected >= 0 && n.read === n.records.length + n.rejected;
          if (!ok) fail('CONF-8', label, `raw record ${i}: read ${n.read} but ${n.records.length} records + ${n.rejected} rejected`);
        });
        const t = totals(resolveRun(run));
        if (t.read !== t.accepted + t.superseded + t.rejected) fail('CONF-8', label, `read ${t.read} != accepted ${t.accepted} + superseded ${t.superseded} + rejected ${t.rejected}`);
      };
      await eachFixture(ctx, (f, run) => check(run, f.name));
      await fuzz(ctx, check);
    },
  },
];
