/**
 * The command line of `attendance report ID DATASET`: tokenised by ../parse-args.ts, then checked
 * here into {@link ReportCliOptions} (unknown ids and bad values become one-line usage problems, exit 2).
 *
 * @module
 */
import { FILTER_FIELDS, isIsoDate, type Filter, type FilterField, type IsoDate } from '@attendance-kit/core';
import { FORMATS, REPORT_IDS, type AbsenceType, type Format, type ReportId } from '@attendance-kit/reports';
import type { OptionSpec, RawValues } from '../parse-args.js';
import { bad, ok, usageProblem, type Checked } from '../usage-error.js';
import { FILTER_VALUES, TERM_NAMES, type TermName } from './summarise-options.js';
import { checkLaOptions, LA_REPORT_OPTIONS, type LaCliOptions } from './report-la-options.js';

/** The options `report` accepts (for ../parse-args.ts). */
export const REPORT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  comparator: { type: 'string' },
  'comparator-kind': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  term: { type: 'string' },
  profile: { type: 'string' },
  filter: { type: 'string', multiple: true },
  school: { type: 'string', multiple: true },
  'absence-type': { type: 'string' },
  reverse: { type: 'boolean' },
  'as-of': { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  ...LA_REPORT_OPTIONS,
};

/** A checked `report` command line. */
export interface ReportCliOptions {
  readonly id: ReportId;
  /** The dataset folder; absent only for statistical-neighbours (DfE's figures need none). */
  readonly dataset?: string;
  readonly comparator?: string;
  readonly comparatorKind: 'national' | 'regional';
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly term?: TermName;
  readonly profile: 'dfe' | 'all' | 'fft';
  readonly filters: readonly Filter[];
  readonly schools: readonly string[];
  readonly absenceType?: AbsenceType;
  readonly reverse: boolean;
  /** data-check: the date the 5-school-day rule for N is judged at (default: the period's end). */
  readonly asOf?: IsoDate;
  readonly format: Format;
  readonly out?: string;
  /** Options of the LA reports (statistical-neighbours, profile). */
  readonly la: LaCliOptions;
}

const quote = (v: unknown): string => `'${String(v)}'`;
const strings = (v: RawValues[string]): readonly string[] => (v === undefined || typeof v === 'boolean' ? [] : typeof v === 'string' ? [v] : v);
const one = (v: RawValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);

const choice = <T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): Checked<T> =>
  value === undefined
    ? ok(fallback)
    : (allowed as readonly string[]).includes(value)
      ? ok(value as T)
      : bad(usageProblem(`--${option} must be ${allowed.join(' or ')}, not ${quote(value)}`, 'report'));

const dateOption = (option: string, value: string | undefined): Checked<IsoDate | undefined> =>
  value === undefined || isIsoDate(value) ? ok(value as IsoDate | undefined) : bad(usageProblem(`--${option} ${quote(value)} is not a real date in the form YYYY-MM-DD`, 'report'));

/** `FIELD=VALUE` with a core filter field and, where the CLI knows them, one of its values. */
const filterOf = (text: string): Checked<Filter> => {
  const eq = text.indexOf('=');
  if (eq <= 0) return bad(usageProblem(`--filter ${quote(text)} is not of the form FIELD=VALUE (e.g. --filter fsm6=true)`, 'report'));
  const field = text.slice(0, eq);
  const value = text.slice(eq + 1);
  if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
    return bad(usageProblem(`--filter field ${quote(field)} is not a pupils.csv field; use one of ${FILTER_FIELDS.join(', ')}`, 'report'));
  }
  const allowed = (FILTER_VALUES as Readonly<Record<string, { allowed: (v: string) => boolean; shown: string } | undefined>>)[field];
  if (allowed !== undefined && !allowed.allowed(value)) return bad(usageProblem(`--filter ${field} may be ${allowed.shown}, not ${quote(value)}`, 'report'));
  return ok({ field: field as FilterField, value });
};

/** `overall`, `authorised`, `unauthorised`, or a register code (`I`), as reports' `AbsenceType`. */
const absenceTypeOf = (text: string | undefined): Checked<AbsenceType | undefined> => {
  if (text === undefined) return ok(undefined);
  if (text === 'overall' || text === 'authorised' || text === 'unauthorised') return ok(text);
  if (/^[A-Z]$/.test(text)) return ok({ reason: text });
  return bad(usageProblem(`--absence-type must be overall, authorised, unauthorised or a register code such as I, not ${quote(text)}`, 'report'));
};

/**
 * Checks the tokenised command line of `report`.
 * @example checkReportOptions({ format: 'md' }, ['summary', 'data']) // ok({ id: 'summary', dataset: 'data', format: 'md', ... })
 */
export const checkReportOptions = (values: RawValues, positionals: readonly string[]): Checked<ReportCliOptions> => {
  const [id, dataset, ...extra] = positionals;
  if (id === undefined) return bad(usageProblem(`report needs a report ID, one of ${REPORT_IDS.join(', ')}`, 'report'));
  if (!(REPORT_IDS as readonly string[]).includes(id)) return bad(usageProblem(`unknown report ${quote(id)}; the reports are ${REPORT_IDS.join(', ')}`, 'report'));
  if (dataset === undefined && id !== 'statistical-neighbours') return bad(usageProblem('report needs a DATASET folder (with schools.csv, pupils.csv, marks.csv) after the report ID', 'report'));
  if (extra.length > 0) return bad(usageProblem(`report takes an ID and one DATASET folder, got also ${extra.map(quote).join(' ')}`, 'report'));

  const kind = choice('comparator-kind', one(values['comparator-kind']), ['national', 'regional'] as const, 'national');
  if (!kind.ok) return kind;
  const profile = choice('profile', one(values['profile']), ['dfe', 'all', 'fft'] as const, 'dfe');
  if (!profile.ok) return profile;
  const format = choice('format', one(values['format']), FORMATS, 'json');
  if (!format.ok) return format;
  const term = choice<TermName | 'none'>('term', one(values['term']), TERM_NAMES, 'none');
  if (!term.ok) return term;
  const from = dateOption('from', one(values['from']));
  if (!from.ok) return from;
  const to = dateOption('to', one(values['to']));
  if (!to.ok) return to;
  if (term.value !== 'none' && (from.value !== undefined || to.value !== undefined)) return bad(usageProblem('give one period: --term, or --from/--to', 'report'));
  const asOf = dateOption('as-of', one(values['as-of']));
  if (!asOf.ok) return asOf;
  if (asOf.value !== undefined && id !== 'data-check') return bad(usageProblem('--as-of applies to data-check only', 'report'));
  if (from.value !== undefined && to.value !== undefined && from.value > to.value) return bad(usageProblem(`--from ${from.value} is after --to ${to.value}`, 'report'));
  const filters: Filter[] = [];
  for (const text of strings(values['filter'])) {
    const f = filterOf(text);
    if (!f.ok) return f;
    filters.push(f.value);
  }
  const absenceType = absenceTypeOf(one(values['absence-type']));
  if (!absenceType.ok) return absenceType;
  const comparator = one(values['comparator']);
  const out = one(values['out']);
  const la = checkLaOptions(values, id as ReportId);
  if (!la.ok) return la;
  if (id === 'statistical-neighbours' && comparator !== undefined) return bad(usageProblem('statistical-neighbours takes DfE\'s year or term figures with --dfe FILE, not a weekly --comparator', 'report'));
  if (id === 'statistical-neighbours' && la.value.laSource === 'dfe' && (filters.length > 0 || values['school'] !== undefined))
    return bad(usageProblem('--filter and --school apply to statistical-neighbours only with --la-source dataset (DfE publishes LA figures for all pupils)', 'report'));
  if (id === 'statistical-neighbours' && la.value.laSource === 'dataset' && dataset === undefined) return bad(usageProblem('--la-source dataset needs a DATASET folder after the report ID', 'report'));
  if (values['comparator-kind'] !== undefined && comparator === undefined) return bad(usageProblem('--comparator-kind needs --comparator FILE', 'report'));
  if (comparator === '') return bad(usageProblem('--comparator needs a file name', 'report'));
  if (out === '') return bad(usageProblem('--out needs a file name', 'report'));
  return ok({
    id: id as ReportId,
    ...(dataset === undefined ? {} : { dataset }),
    la: la.value,
    comparatorKind: kind.value,
    profile: profile.value,
    filters,
    schools: [...strings(values['school'])],
    reverse: values['reverse'] === true,
    format: format.value,
    ...(comparator === undefined ? {} : { comparator }),
    ...(from.value === undefined ? {} : { from: from.value }),
    ...(to.value === undefined ? {} : { to: to.value }),
    ...(asOf.value === undefined ? {} : { asOf: asOf.value }),
    ...(term.value === 'none' ? {} : { term: term.value }),
    ...(absenceType.value === undefined ? {} : { absenceType: absenceType.value }),
    ...(out === undefined ? {} : { out }),
  });
};
