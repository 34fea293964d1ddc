/**
 * The options of `attendance summarise`: how they are spelled (node:util parseArgs) and what they
 * may hold (zod). Every failure becomes one line naming the option and the value it got.
 *
 * Option meanings follow docs/canonical-format.md ("the summarise contract").
 *
 * @module
 */
import {
  ETHNICITY_MAJOR_GROUPS,
  isIsoDate,
  PERIOD_FILTER_FIELDS,
  PERIOD_GROUP_FIELDS,
  SEN_LABELS,
  YEAR_GROUPS,
  type IsoDate,
  type PeriodFilterField,
  type PeriodGroupField,
  type YearGroup,
} from '@attendance-kit/core';
import { z } from 'zod';
import type { OptionSpec, RawValues } from '../parse-args.js';
import { bad, ok, usageProblem, type Checked } from '../usage-error.js';

/** The spelling of each option, for parseArgs. */
export const SUMMARISE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  term: { type: 'string' },
  week: { type: 'string' },
  'as-of': { type: 'string' },
  'week-label': { type: 'string' },
  profile: { type: 'string' },
  years: { type: 'string' },
  ages: { type: 'string' },
  'pa-threshold': { type: 'string' },
  'severe-threshold': { type: 'string' },
  'min-sessions': { type: 'string' },
  'pa-basis': { type: 'string' },
  'code-n': { type: 'string' },
  by: { type: 'string', multiple: true },
  filter: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'covid-x': { type: 'string' },
  issues: { type: 'string' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
} as const satisfies Readonly<Record<string, OptionSpec>>;

const BOOLEAN_VALUES = ['true', 'false', ''] as const;
const isDateOrEmpty = (v: string): boolean => v === '' || isIsoDate(v);

/**
 * What each `--filter` field (core's FILTER_FIELDS: pupils.csv columns, and la_code) may hold, as
 * written in the files; `''` selects "unknown" (empty in pupils.csv). Checking values here turns a
 * typo such as `fsm6=yes` into an error instead of a silently empty result.
 */
export const FILTER_VALUES: Readonly<Record<PeriodFilterField, { readonly allowed: (v: string) => boolean; readonly shown: string }>> = (() => {
  const oneOf = (values: readonly string[]) => ({
    allowed: (v: string) => values.includes(v),
    shown: values.map((v) => (v === '' ? '(empty: unknown)' : v)).join(', '),
  });
  const date = { allowed: isDateOrEmpty, shown: 'a date YYYY-MM-DD or (empty: unknown)' };
  return {
    school_urn: { allowed: (v: string) => /^\d{6,7}$/.test(v), shown: 'a URN of 6 or 7 digits' },
    la_code: { allowed: (v: string) => /^\d{3}$/.test(v), shown: 'a 3-digit LA code' },
    pupil_id: { allowed: (v: string) => v.length > 0 && v.length <= 64, shown: 'a pupil id of 1 to 64 characters' },
    date_of_birth: date,
    sex: oneOf(['F', 'M', '']),
    year_group: oneOf(YEAR_GROUPS),
    fsm: oneOf(BOOLEAN_VALUES),
    fsm6: oneOf(BOOLEAN_VALUES),
    eal: oneOf(BOOLEAN_VALUES),
    looked_after: oneOf(BOOLEAN_VALUES),
    sen: oneOf(['N', 'K', 'E', '']),
    ethnicity: { allowed: () => true, shown: 'a DfE ethnicity code' },
    enrolment_status: oneOf(['C', 'M', 'S', 'G']),
    admission_date: date,
    leaving_date: date,
    ethnicity_major: oneOf([...ETHNICITY_MAJOR_GROUPS, '']),
    sen_status: oneOf([...SEN_LABELS, '']),
    previously_looked_after: oneOf(BOOLEAN_VALUES),
  };
})();

/** One `--filter K=V`. */
export interface FilterOption {
  readonly field: PeriodFilterField;
  readonly value: string;
}

/** The checked options of `attendance summarise`. */
export interface SummariseOptions {
  readonly dataset: string;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  /** A half-term or term name (core `parseTermPeriod`), resolved per school. */
  readonly term?: TermName;
  /** A Monday: the week commencing it. */
  readonly week?: IsoDate;
  /** Cut the period at this date; alone: year to date. */
  readonly asOf?: IsoDate;
  /** `--by week` keys: the Monday (DfE) or the Friday (FFT). */
  readonly weekLabel: 'monday' | 'friday';
  readonly profile: 'dfe' | 'all' | 'fft';
  /** Profile rule changes (core `customProfile`). */
  readonly rules: ProfileChanges;
  readonly by: readonly PeriodGroupField[];
  readonly filter: readonly FilterOption[];
  readonly format: 'json' | 'csv' | 'table';
  readonly out?: string;
  readonly covidX: 'dfe' | 'not-possible';
  readonly issues?: string;
  /** `true`/`false` when asked for with --progress / --no-progress; undefined means "when stderr is a terminal". */
  readonly progress?: boolean;
}

const quote = (v: unknown): string => `'${String(v)}'`;

/**
 * The names `--term` takes: the six half-terms and the three terms of the school's own calendar, and
 * DfE's census terms and periods (fixed dates, the same for every school: core `parseTermPeriod`).
 */
export const TERM_NAMES = [
  'autumn1',
  'autumn2',
  'spring1',
  'spring2',
  'summer1',
  'summer2',
  'autumn',
  'spring',
  'summer',
  'census-autumn',
  'census-spring',
  'census-summer',
  'census-summer1',
  'census-summer2',
] as const;
/** A `--term` name. */
export type TermName = (typeof TERM_NAMES)[number];

/** Profile rule changes from the command line. */
export interface ProfileChanges {
  readonly minYearGroup?: YearGroup;
  readonly maxYearGroup?: YearGroup;
  readonly minAge?: number;
  readonly maxAge?: number;
  readonly persistent?: { readonly num: number; readonly den: number };
  readonly severe?: { readonly num: number; readonly den: number };
  readonly minPossibleForPa?: number;
  readonly paBasis?: 'enrolment' | 'pupil';
  readonly countN?: boolean;
}

/** A percentage 0 < p <= 100 with at most 2 decimals, as an exact fraction over 10000. */
const percentOption = (option: string) =>
  z.string().transform((text, ctx) => {
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
    const num = m === null ? NaN : Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
    if (!(num > 0 && num <= 10000)) {
      ctx.addIssue({ code: 'custom', message: `--${option} must be a percentage above 0 and at most 100 (e.g. 10 or 12.5), not ${quote(text)}` });
      return z.NEVER;
    }
    return { num, den: 10000 };
  });

/** `A-B` over an ordered list of names (either end may be left out: `R-`, `-11`). */
const rangeOption = <T extends string>(option: string, names: readonly T[], example: string) =>
  z.string().transform((text, ctx): { readonly min?: T; readonly max?: T } => {
    const parts = text.split('-').map((s) => s.trim());
    const [lo, hi] = parts.length === 1 ? [parts[0], parts[0]] : parts;
    const ok = (v: string | undefined): boolean => v === undefined || v === '' || (names as readonly string[]).includes(v);
    if (parts.length > 2 || !ok(lo) || !ok(hi) || (lo === '' && hi === '')) {
      ctx.addIssue({ code: 'custom', message: `--${option} must be FROM-TO of ${names.join(' ')} (e.g. ${example}), not ${quote(text)}` });
      return z.NEVER;
    }
    if (lo !== undefined && lo !== '' && hi !== undefined && hi !== '' && names.indexOf(lo as T) > names.indexOf(hi as T)) {
      ctx.addIssue({ code: 'custom', message: `--${option} ${quote(text)} runs backwards` });
      return z.NEVER;
    }
    return { ...(lo === undefined || lo === '' ? {} : { min: lo as T }), ...(hi === undefined || hi === '' ? {} : { max: hi as T }) };
  });

const AGES = Array.from({ length: 25 }, (_, i) => String(i));

const date = (option: string) =>
  z
    .string()
    .refine(isIsoDate, { error: (iss) => `--${option} ${quote(iss.input)} is not a real date in the form YYYY-MM-DD` })
    .transform((s) => s as IsoDate);

const choice = <const T extends readonly [string, ...string[]]>(option: string, values: T) =>
  z.enum(values, { error: (iss) => `--${option} must be ${values.join(' or ')}, not ${quote(iss.input)}` });

const filterSchema = z.string().transform((text, ctx): FilterOption => {
  const eq = text.indexOf('=');
  const field = eq < 0 ? text : text.slice(0, eq);
  const allowed = (PERIOD_FILTER_FIELDS as readonly string[]).includes(field) ? FILTER_VALUES[field as PeriodFilterField] : undefined;
  if (eq <= 0) {
    ctx.addIssue({ code: 'custom', message: `--filter ${quote(text)} is not of the form FIELD=VALUE (e.g. --filter fsm6=true)` });
    return z.NEVER;
  }
  if (allowed === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `--filter field ${quote(field)} is not a pupils.csv field; use one of ${PERIOD_FILTER_FIELDS.join(', ')}`,
    });
    return z.NEVER;
  }
  const value = text.slice(eq + 1);
  if (!allowed.allowed(value)) {
    ctx.addIssue({ code: 'custom', message: `--filter ${field} may be ${allowed.shown}, not ${quote(value)}` });
    return z.NEVER;
  }
  return { field: field as PeriodFilterField, value };
});

const schema = z
  .object({
    dataset: z.string().min(1),
    from: date('from').optional(),
    to: date('to').optional(),
    term: choice('term', TERM_NAMES).optional(),
    week: date('week')
      .refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, { error: (iss) => `--week ${quote(iss.input)} is not a Monday (a week is named by its Monday)` })
      .optional(),
    asOf: date('as-of').optional(),
    weekLabel: choice('week-label', ['monday', 'friday']).default('monday'),
    profile: choice('profile', ['dfe', 'all', 'fft']).default('dfe'),
    years: rangeOption('years', YEAR_GROUPS, 'R-11').optional(),
    ages: rangeOption('ages', AGES, '5-15').optional(),
    paThreshold: percentOption('pa-threshold').optional(),
    severeThreshold: percentOption('severe-threshold').optional(),
    minSessions: z
      .string()
      .regex(/^\d{1,4}$/, { error: (iss) => `--min-sessions must be a whole number of sessions (e.g. 11), not ${quote(iss.input)}` })
      .transform(Number)
      .optional(),
    paBasis: choice('pa-basis', ['enrolment', 'pupil']).optional(),
    codeN: choice('code-n', ['count', 'ignore']).optional(),
    by: z
      .array(
        z.enum(PERIOD_GROUP_FIELDS, {
          error: (iss) => `--by field ${quote(iss.input)} is not known; use a comma list of ${PERIOD_GROUP_FIELDS.join(', ')}`,
        }),
      )
      .refine((words) => new Set(words).size === words.length, { error: '--by names a field twice' }),
    filter: z.array(filterSchema),
    format: choice('format', ['json', 'csv', 'table']).default('json'),
    out: z.string().min(1, { error: '--out needs a file name' }).optional(),
    covidX: choice('covid-x', ['dfe', 'not-possible']).default('dfe'),
    issues: z.string().min(1, { error: '--issues needs a file name' }).optional(),
    progress: z.boolean().optional(),
  })
  .refine((o) => o.from === undefined || o.to === undefined || o.from <= o.to, {
    error: (iss) => {
      const o = iss.input as { from: string; to: string };
      return `--from ${o.from} is after --to ${o.to}`;
    },
  })
  .refine((o) => [o.term !== undefined, o.week !== undefined, o.from !== undefined || o.to !== undefined].filter(Boolean).length <= 1, {
    error: 'give one period: --term, --week, or --from/--to (--as-of may cut any of them)',
  });

/** Drops undefined entries, so optional properties are absent (exactOptionalPropertyTypes). */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const strings = (v: RawValues[string]): readonly string[] =>
  v === undefined || typeof v === 'boolean' ? [] : typeof v === 'string' ? [v] : v;

/**
 * Checks the tokenised command line of `summarise`.
 * @example checkSummariseOptions({ by: ['school,sex'] }, ['data'])
 * // ok({ dataset: 'data', profile: 'dfe', by: ['school', 'sex'], filter: [], format: 'json', covidX: 'dfe' })
 */
export const checkSummariseOptions = (values: RawValues, positionals: readonly string[]): Checked<SummariseOptions> => {
  if (positionals.length === 0) return bad(usageProblem('summarise needs a DATASET folder (with schools.csv, pupils.csv, marks.csv)', 'summarise'));
  if (positionals.length > 1) {
    return bad(usageProblem(`summarise takes one DATASET folder, got ${positionals.length}: ${positionals.map(quote).join(' ')}`, 'summarise'));
  }
  if (values['progress'] === true && values['no-progress'] === true) {
    return bad(usageProblem('--progress and --no-progress contradict each other', 'summarise'));
  }
  const progress = values['progress'] === true ? true : values['no-progress'] === true ? false : undefined;
  const input = defined({
    dataset: positionals[0],
    from: values['from'],
    to: values['to'],
    term: values['term'],
    week: values['week'],
    asOf: values['as-of'],
    weekLabel: values['week-label'],
    profile: values['profile'],
    years: values['years'],
    ages: values['ages'],
    paThreshold: values['pa-threshold'],
    severeThreshold: values['severe-threshold'],
    minSessions: values['min-sessions'],
    paBasis: values['pa-basis'],
    codeN: values['code-n'],
    by: strings(values['by']).flatMap((s) => s.split(',')).map((s) => s.trim()),
    filter: [...strings(values['filter'])],
    format: values['format'],
    out: values['out'],
    covidX: values['covid-x'],
    issues: values['issues'],
    progress,
  });
  const result = schema.safeParse(input);
  if (!result.success) {
    const message = result.error.issues[0]?.message ?? 'the options are not usable';
    return bad(usageProblem(message, 'summarise'));
  }
  const { years, ages, paThreshold, severeThreshold, minSessions, paBasis, codeN, ...rest } = result.data;
  const rules = defined({
    minYearGroup: years?.min,
    maxYearGroup: years?.max,
    minAge: ages?.min === undefined ? undefined : Number(ages.min),
    maxAge: ages?.max === undefined ? undefined : Number(ages.max),
    persistent: paThreshold,
    severe: severeThreshold,
    minPossibleForPa: minSessions,
    paBasis,
    countN: codeN === undefined ? undefined : codeN === 'count',
  }) as ProfileChanges;
  return ok(defined({ ...rest, rules }) as SummariseOptions);
};
