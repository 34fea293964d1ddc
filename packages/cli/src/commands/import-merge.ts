/**
 * `attendance import` merging, streamed: the existing dataset (if any) first, then each source in
 * order. Marks go, as they are normalized, into a columnar store (import-store.ts) that resolves
 * versions with the canonical rule (the latest `recorded_at` wins, an empty one older than any;
 * else the later input wins); schools and pupils, which are few, stay objects and are folded by
 * adapter-kit's `resolveRecords`. So importing the same extract twice changes nothing, a later
 * extract's corrections win, and no source is ever held as a list of mark objects.
 *
 * Every source is one entry of import-report.json with `read = accepted + superseded + rejected`:
 * a version superseded by a later source's counts against the source it came from.
 *
 * @module
 */
import { join } from 'node:path';
import { datasetRecords, enrolmentKey, readCanonicalDataset, type TermDates } from '@attendance-kit/adapter-canonical';
import {
  importReport,
  resolveRecords,
  type AdapterOptions,
  type CanonicalRecord,
  type FileReport,
  type ImportReport,
} from '@attendance-kit/adapter-kit';
import { CODE_ID, toDayNumber, type CanonicalMark, type CanonicalPupil, type CanonicalSchool, type Issue, type RecordCounts, type Severity } from '@attendance-kit/core';
import { createMarkMerge, type MarkMerge, type MergedMarks } from './import-store.js';
import { parseRecordedAt, recoverStamps } from './import-stamps.js';
import type { ImportSource } from './import-sources.js';

/** Issues kept per source in import-report.json (all are counted), as adapter-kit's collector. */
const ISSUE_CAP = 1000;

/** One source of the import: its report entry in the making, and its schools and pupils. */
interface SourceEntry {
  readonly index: number;
  readonly label: string;
  readonly kind: string;
  /** Schools and pupils (few): resolved as objects at the end. */
  readonly records: CanonicalRecord[];
  read: number;
  rejected: number;
  /** Superseded inside the source before the import saw it (a canonical folder's own versions). */
  superseded: number;
  readonly kept: Issue[];
  total: number;
  readonly byCode: Map<string, number>;
  readonly bySeverity: Record<Severity, number>;
}

const addIssue = (s: SourceEntry, issue: Issue, count = 1): void => {
  s.total += count;
  s.byCode.set(issue.code, (s.byCode.get(issue.code) ?? 0) + count);
  s.bySeverity[issue.severity] += count;
  if (s.kept.length < ISSUE_CAP) s.kept.push(issue);
};

/** What {@link finishImport} gives: everything the dataset and the report are written from. */
export interface ImportResult {
  readonly schools: readonly CanonicalSchool[];
  readonly pupils: readonly CanonicalPupil[];
  readonly marks: MergedMarks;
  /** School URN and pupil id of each enrolment number in `marks`. */
  readonly enrolmentUrn: readonly string[];
  readonly enrolmentPupil: readonly string[];
  readonly report: ImportReport;
}

/** What one source gave, for progress lines. */
export interface SourceDone {
  readonly label: string;
  readonly kind: string;
  readonly read: number;
  readonly rejected: number;
}

/**
 * The state of an import while sources stream in. Create one with {@link createImport}, add the
 * sources in input order, then {@link Import.finish}.
 */
export interface Import {
  /** Reads a canonical dataset folder (the existing dataset, or an input). Throws SourceReadError if unreadable. */
  addCanonical(dir: string, label: string, kind: string): Promise<{ readonly terms: readonly TermDates[]; readonly schools: readonly CanonicalSchool[] }>;
  /** Reads and normalizes one adapter source; returns the options its issues say are needed. */
  addAdapter(source: Extract<ImportSource, { _tag: 'adapter' }>, options: AdapterOptions, labelOf: (path: string) => string): Promise<ReadonlyMap<string, keyof AdapterOptions>>;
  /** A file no format recognised: reported with one warning, nothing read. */
  addUnrecognised(label: string, message: string): void;
  /** Resolves everything added (call once). */
  finish(): ImportResult;
}

/** Starts an import; `onSource` is told when each source has been read. */
export const createImport = (onSource: (done: SourceDone) => void = () => undefined): Import => {
  const merge: MarkMerge = createMarkMerge();
  const sources: SourceEntry[] = [];
  const byLabel = new Map<string, SourceEntry>();
  const enrolmentIds = new Map<string, number>();
  const enrolmentUrn: string[] = [];
  const enrolmentPupil: string[] = [];
  const days = new Map<string, number>();

  const entry = (label: string, kind: string): SourceEntry => {
    let s = byLabel.get(label);
    if (s === undefined) {
      s = { index: sources.length, label, kind, records: [], read: 0, rejected: 0, superseded: 0, kept: [], total: 0, byCode: new Map(), bySeverity: { error: 0, warning: 0, info: 0 } };
      sources.push(s);
      byLabel.set(label, s);
    }
    merge.source(s.index);
    return s;
  };

  const enrolmentId = (urn: string, pupil: string): number => {
    const key = enrolmentKey(urn, pupil);
    let id = enrolmentIds.get(key);
    if (id === undefined) {
      id = enrolmentUrn.length;
      enrolmentIds.set(key, id);
      enrolmentUrn.push(urn);
      enrolmentPupil.push(pupil);
    }
    return id;
  };

  // Marks come pupil by pupil: the last pupil's number is tried first.
  let lastUrn = '';
  let lastPupil = '';
  let lastId = -1;
  /** Adds one adapter mark; false when its date is before 1970 (the store counts days from then). */
  const addMark = (m: CanonicalMark): boolean => {
    if (m.schoolUrn !== lastUrn || m.pupilId !== lastPupil || lastId < 0) {
      lastUrn = m.schoolUrn;
      lastPupil = m.pupilId;
      lastId = enrolmentId(m.schoolUrn, m.pupilId);
    }
    let day = days.get(m.date);
    if (day === undefined) days.set(m.date, (day = toDayNumber(m.date)));
    if (day < 0) return false;
    const stamp = m.recordedAt === undefined ? Number.NaN : parseRecordedAt(m.recordedAt);
    merge.add(lastId, day * 2 + (m.session === 'PM' ? 1 : 0), CODE_ID.get(m.code) ?? 0, m.minutesLate ?? 0xffff, stamp);
    return true;
  };

  return {
    async addCanonical(dir, label, kind) {
      const { dataset, report, terms } = await readCanonicalDataset(dir);
      const stamps = await recoverStamps(join(dir, 'marks.csv'), dataset);
      const s = entry(label, kind);
      const recs = datasetRecords(dataset);
      for (const school of recs.schools) s.records.push({ _tag: 'school', school: school as CanonicalSchool });
      for (const pupil of recs.pupils) s.records.push({ _tag: 'pupil', pupil: pupil as CanonicalPupil });
      for (const f of report.files) {
        if (f.kind !== 'terms') {
          s.read += f.counts.read;
          s.rejected += f.counts.rejected;
          s.superseded += f.counts.superseded;
        }
        // Kept issues, with the folder in their file name; counts of all of them, kept or not.
        for (const i of f.issues) addIssue(s, { ...i, file: join(label, i.file ?? f.file) }, 0);
        s.total += f.issuesTotal;
        for (const [code, n] of Object.entries(f.issuesByCode)) s.byCode.set(code, (s.byCode.get(code) ?? 0) + n);
        for (const sev of ['error', 'warning', 'info'] as const) s.bySeverity[sev] += f.issuesBySeverity[sev];
      }
      // The store's enrolment numbers are the folder's own: map them to the import's.
      const urnOf = dataset.schools.map((x) => x.urn);
      const ids = Uint32Array.from(dataset.enrolments, (e) => enrolmentId(urnOf[e.school] ?? '', e.pupilId));
      const m = dataset.marks;
      for (let k = 0; k < m.length; k++) {
        merge.add(ids[m.enrolment[k] as number] as number, m.slot[k] as number, m.code[k] as number, m.minutesLate[k] as number, stamps === null ? Number.NaN : (stamps[k] as number));
      }
      onSource({ label, kind, read: s.read, rejected: s.rejected });
      return { terms, schools: recs.schools as readonly CanonicalSchool[] };
    },

    async addAdapter(source, options, labelOf) {
      const label = labelOf(source.path);
      const s = entry(label, source.adapter.id);
      const needed = new Map<string, keyof AdapterOptions>();
      for await (const raw of source.adapter.read([source.path], { options })) {
        const n = source.adapter.normalize(raw, options);
        for (const r of n.records) {
          if (r._tag !== 'mark') s.records.push(r);
          else if (!addMark(r.mark)) {
            s.rejected++;
            addIssue(s, { code: 'import/date-out-of-range', severity: 'error', message: `mark on ${r.mark.date} is before 1970-01-01, which a dataset cannot hold`, file: label });
          }
        }
        for (const i of n.issues) {
          addIssue(s, { ...i, file: labelOf(i.file ?? source.path) });
          const option = source.adapter.needsOption?.[i.code];
          if (option !== undefined) needed.set(i.code, option);
        }
        s.read += n.read;
        s.rejected += n.rejected;
      }
      onSource({ label, kind: s.kind, read: s.read, rejected: s.rejected });
      return needed;
    },

    addUnrecognised(label, message) {
      const s = entry(label, 'unrecognised');
      addIssue(s, { code: 'import/unrecognised-file', severity: 'warning', message, file: label });
      onSource({ label, kind: s.kind, read: 0, rejected: 0 });
    },

    finish() {
      // Schools and pupils: adapter-kit's resolver (the same rule; conflicting duplicates warned about).
      const resolved = resolveRecords(sources.map((s) => ({ source: s.label, records: s.records, read: s.read, rejected: s.rejected, superseded: s.superseded, issues: [] })));
      // Marks: ranked by (school URN, pupil id), as pupils.csv is sorted.
      const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
      const ids = enrolmentUrn.map((_, i) => i).sort((a, b) => byText(enrolmentUrn[a] as string, enrolmentUrn[b] as string) || byText(enrolmentPupil[a] as string, enrolmentPupil[b] as string));
      const rank = new Uint32Array(ids.length);
      ids.forEach((id, r) => (rank[id] = r));
      const marks = merge.finish(rank);
      const files: FileReport[] = sources.map((s) => {
        for (const i of resolved.issues.get(s.label) ?? []) addIssue(s, i);
        const c = resolved.counts.get(s.label) ?? { read: 0, accepted: 0, superseded: 0, rejected: 0 };
        const added = marks.added[s.index] ?? 0;
        const lost = marks.superseded[s.index] ?? 0;
        const counts: RecordCounts = { read: c.read, accepted: c.accepted + added - lost, superseded: c.superseded + lost, rejected: c.rejected };
        return {
          file: s.label,
          kind: s.kind,
          counts,
          issues: s.kept,
          issuesTotal: s.total,
          issuesByCode: Object.fromEntries(s.byCode),
          issuesBySeverity: { ...s.bySeverity },
        };
      });
      return { schools: resolved.schools, pupils: resolved.pupils, marks, enrolmentUrn, enrolmentPupil, report: importReport(files) };
    },
  };
};
