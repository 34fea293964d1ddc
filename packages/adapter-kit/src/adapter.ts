/**
 * The adapter contract. An adapter turns one source format (a CTF file, saved Wonde pages, an
 * Arbor BI export...) into canonical records (docs/canonical-format.md) in two steps:
 *
 * - `read(paths, ctx)`: the ONLY place that does I/O. It yields raw records, each naming its file
 *   and where in it (line or record path). Bad data never throws here: an unreadable file is a raw
 *   record too, which `normalize` turns into an issue.
 * - `normalize(raw, options)`: PURE. One raw record in; canonical records, issues and the
 *   record accounting out (`read = records.length + rejected`).
 *
 * {@link resolveRecords} then folds normalized records into one result with the canonical version
 * rule (later wins, or the later `recordedAt`), so each source item ends up accepted, superseded
 * or rejected. The conformance kit (`@attendance-kit/adapter-kit/testing`) checks these laws.
 *
 * @module
 */
import type { CanonicalMark, CanonicalPupil, CanonicalSchool, Issue, Phase, RecordCounts } from '@attendance-kit/core';

/** One canonical record an adapter produces: a school, an enrolment (pupil) or one mark version. */
export type CanonicalRecord =
  | { readonly _tag: 'school'; readonly school: CanonicalSchool }
  | { readonly _tag: 'pupil'; readonly pupil: CanonicalPupil }
  | { readonly _tag: 'mark'; readonly mark: CanonicalMark };

/** A raw record as `read` yields it: the source's own data, and where it came from. */
export interface RawRecord<R> {
  /** The file, as the caller named it. */
  readonly file: string;
  /** 1-based line where the record starts, when the format has lines worth naming. */
  readonly line?: number;
  /** Where the record sits in a structured file, e.g. `CTfile/CTFpupilData/Pupil[3]`. */
  readonly path?: string;
  readonly data: R;
}

/**
 * What a source may not carry and the caller supplies (the CLI's `--school-urn`, `--la-code`,
 * `--phase`). Adapters use them only where their source lacks the value, and say so in their docs.
 */
export interface AdapterOptions {
  readonly schoolUrn?: string;
  readonly laCode?: string;
  readonly phase?: Phase;
}

/** What `read` is given besides the paths. */
export interface ReadContext {
  readonly options: AdapterOptions;
}

/** What `normalize` makes of one raw record. */
export interface Normalized {
  /** Canonical records, each already decoded with core's io-ts codecs (so branded). */
  readonly records: readonly CanonicalRecord[];
  /** Issues found; every code must be declared in the adapter's `issueCodes`. */
  readonly issues: readonly Issue[];
  /** Source items in the raw record (pupils, marks...; the adapter's docs say what counts). */
  readonly read: number;
  /** Source items that produced no record. `read = records.length + rejected` must hold. */
  readonly rejected: number;
}

/** An adapter, as {@link defineAdapter} returns it. */
export interface Adapter<R = unknown> {
  /** Short id used by `attendance import --from ID`, e.g. `ctf`. */
  readonly id: string;
  /** Human name, e.g. `DfE Common Transfer File (XML)`. */
  readonly name: string;
  /** The formats read, e.g. `['CTF 15-25 XML']`. */
  readonly formats: readonly string[];
  /** Every issue code the adapter may raise, with its meaning (documented in docs/issue-codes.md). */
  readonly issueCodes: Readonly<Record<string, string>>;
  /**
   * Issue codes that mean "an option the source does not carry is needed", with the option's name
   * (a key of {@link AdapterOptions}); the CLI turns them into exit code 2 naming the flag.
   */
  readonly needsOption?: Readonly<Record<string, keyof AdapterOptions>>;
  /** Whether the start of a file (its first few KiB, as text) looks like this format. For `--from auto`. */
  readonly detect?: (head: string) => boolean;
  /** The only I/O: yields raw records from files (never throws on bad data). */
  readonly read: (paths: readonly string[], ctx: ReadContext) => AsyncIterable<RawRecord<R>>;
  /** Pure: one raw record to canonical records and issues. Never throws, never mutates `raw`. */
  readonly normalize: (raw: RawRecord<R>, options: AdapterOptions) => Normalized;
}

/**
 * An adapter of any raw-record type, as the conformance kit and the CLI take it (`normalize` takes
 * the adapter's own raw records, so `Adapter<X>` is not an `Adapter<unknown>`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAdapter = Adapter<any>;

/**
 * Defines an adapter. It checks the definition once (an id, declared codes namespaced
 * `id/...`) so mistakes surface when the module loads, not in a user's import.
 *
 * @example
 * export const myAdapter = defineAdapter({
 *   id: 'acme', name: 'Acme MIS CSV', formats: ['Acme export v2'],
 *   issueCodes: { 'acme/unknown-code': 'a mark code with no statutory mapping' },
 *   async *read(paths) { for (const p of paths) yield { file: p, data: await readFile(p, 'utf8') }; },
 *   normalize: (raw) => ({ records: [], issues: [], read: 0, rejected: 0 }),
 * });
 */
export const defineAdapter = <R>(definition: Adapter<R>): Adapter<R> => {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.id)) throw new Error(`adapter id ${JSON.stringify(definition.id)}: use lower-case letters, digits and -`);
  for (const code of Object.keys(definition.issueCodes)) {
    if (!code.startsWith(`${definition.id}/`)) throw new Error(`adapter ${definition.id}: issue code ${code} must start with '${definition.id}/'`);
  }
  for (const code of Object.keys(definition.needsOption ?? {})) {
    if (!(code in definition.issueCodes)) throw new Error(`adapter ${definition.id}: needsOption names undeclared code ${code}`);
  }
  return Object.freeze({ ...definition });
};

/** Issue codes raised by {@link resolveRecords} itself (not by an adapter); declared for every adapter. */
export const RESOLVE_ISSUE_CODES: Readonly<Record<string, string>> = {
  'adapter/conflicting-duplicate':
    'a school or pupil given twice with different details: the later one is kept, the earlier superseded (warning)',
};

/** The key of a record: two records with the same key are versions of one thing. */
export const recordKey = (r: CanonicalRecord): string => {
  switch (r._tag) {
    case 'school':
      return `s|${r.school.urn}`;
    case 'pupil':
      return `p|${r.pupil.schoolUrn}|${r.pupil.pupilId}`;
    case 'mark':
      return `m|${r.mark.schoolUrn}|${r.mark.pupilId}|${r.mark.date}|${r.mark.session}`;
  }
};

/** A record as a stable string (keys sorted), to compare records for equality. */
export const recordText = (r: CanonicalRecord): string => {
  const body = r._tag === 'school' ? r.school : r._tag === 'pupil' ? r.pupil : r.mark;
  return `${r._tag}:${JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))}`;
};

const stampOf = (r: CanonicalRecord): number => {
  if (r._tag !== 'mark' || r.mark.recordedAt === undefined) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(r.mark.recordedAt.length === 10 ? `${r.mark.recordedAt}T00:00:00Z` : r.mark.recordedAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/** One batch of records to resolve, from one source (a file), with its read/rejected counts. */
export interface SourceBatch {
  readonly source: string;
  readonly records: readonly CanonicalRecord[];
  readonly read: number;
  readonly rejected: number;
  /** Items already superseded inside the source (e.g. by a canonical reader); default 0. */
  readonly superseded?: number;
  readonly issues: readonly Issue[];
}

/** The result of {@link resolveRecords}: the winning records and what became of each source's items. */
export interface Resolved {
  readonly schools: readonly CanonicalSchool[];
  readonly pupils: readonly CanonicalPupil[];
  /** Winning marks, sorted by school, pupil, date, session. */
  readonly marks: readonly CanonicalMark[];
  /** Per source, in first-seen order: `read = accepted + superseded + rejected`. */
  readonly counts: ReadonlyMap<string, RecordCounts>;
  /** Per source: its issues (the adapter's, then the resolver's). */
  readonly issues: ReadonlyMap<string, readonly Issue[]>;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Folds batches into one result with the canonical version rule (canonical-format.md, marks.csv):
 * for one key, the record with the latest `recordedAt` wins; where equal or absent, the later one
 * (later batch, later in its batch) wins. Losers are counted as superseded in their own source.
 * Schools and pupils follow the same rule (they carry no timestamp); a conflicting duplicate also
 * gets an `adapter/conflicting-duplicate` warning. Pure.
 *
 * @example
 * resolveRecords([{ source: 'a.xml', records, read: records.length, rejected: 0, issues: [] }]).counts.get('a.xml')
 * // { read: n, accepted: n - dupes, superseded: dupes, rejected: 0 }
 */
export const resolveRecords = (batches: readonly SourceBatch[]): Resolved => {
  const winners = new Map<string, { record: CanonicalRecord; source: string; stamp: number }>();
  const tallies = new Map<string, { read: number; rejected: number; superseded: number; accepted: number }>();
  const issues = new Map<string, Issue[]>();
  for (const b of batches) {
    const t = tallies.get(b.source) ?? { read: 0, rejected: 0, superseded: 0, accepted: 0 };
    tallies.set(b.source, t);
    t.read += b.read;
    t.rejected += b.rejected;
    t.superseded += b.superseded ?? 0;
    const list = issues.get(b.source) ?? [];
    issues.set(b.source, list);
    list.push(...b.issues);
    for (const record of b.records) {
      const key = recordKey(record);
      const stamp = stampOf(record);
      const old = winners.get(key);
      if (old === undefined) {
        winners.set(key, { record, source: b.source, stamp });
        continue;
      }
      const newWins = stamp >= old.stamp;
      const loser = newWins ? old.source : b.source;
      (tallies.get(loser) as { superseded: number }).superseded++;
      // Texts only for schools and pupils seen twice: marks are many and their versions are expected.
      if (record._tag !== 'mark' && recordText(record) !== recordText(old.record)) {
        const what = record._tag === 'school' ? `school ${record.school.urn}` : `pupil ${record.pupil.pupilId} at school ${record.pupil.schoolUrn}`;
        list.push({
          code: 'adapter/conflicting-duplicate',
          severity: 'warning',
          message: `${what} is given again with different details; the later one is kept`,
          file: b.source,
        });
      }
      if (newWins) winners.set(key, { record, source: b.source, stamp });
    }
  }
  const schools: CanonicalSchool[] = [];
  const pupils: CanonicalPupil[] = [];
  const markKeys: string[] = [];
  for (const [key, w] of winners) {
    (tallies.get(w.source) as { accepted: number }).accepted++;
    if (w.record._tag === 'school') schools.push(w.record.school);
    else if (w.record._tag === 'pupil') pupils.push(w.record.pupil);
    else markKeys.push(key);
  }
  // The default sort compares UTF-16 code units, as byText does, and is several times faster
  // than a comparator on large arrays.
  markKeys.sort();
  const marks = markKeys.map((k) => (winners.get(k)?.record as { readonly mark: CanonicalMark }).mark);
  schools.sort((a, b) => byText(a.urn, b.urn));
  pupils.sort((a, b) => byText(a.schoolUrn, b.schoolUrn) || byText(a.pupilId, b.pupilId));

  const counts = new Map<string, RecordCounts>();
  for (const [source, t] of tallies) counts.set(source, { read: t.read, accepted: t.accepted, superseded: t.superseded, rejected: t.rejected });
  return { schools, pupils, marks, counts, issues };
};
