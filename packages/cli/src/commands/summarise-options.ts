/**
 * The options of `attendance summarise`: how they are spelled (node:util parseArgs) and what they
 * may hold (zod). Every failure becomes one line naming the option and the value it got.
 *
 * Option meanings follow docs/canonical-format.md ("the summarise contract").
 *
 * @module
 */
import { FILTER_FIELDS, GROUP_FIELDS, isIsoDate, YEAR_GROUPS, type FilterField, type GroupField, type IsoDate } from '@attendance-kit/core';
import { z } from 'zod';
import type { OptionSpec, RawValues } from '../parse-args.js';
import { bad, ok, usageProblem, type Checked } from '../usage-error.js';

/** The spelling of each option, for parseArgs. */
export const SUMMARISE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  profile: { type: 'string' },
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
export const FILTER_VALUES: Readonly<Record<FilterField, { readonly allowed: (v: string) => boolean; readonly shown: string }>> = (() => {
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
  };
})();

/** One `--filter K=V`. */
export interface FilterOption {
  readonly field: FilterField;
  readonly value: string;
}

/** The checked options of `attendance summarise`. */
export interface SummariseOptions {
  readonly dataset: string;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly profile: 'dfe' | 'all';
  readonly by: readonly GroupField[];
  readonly filter: readonly FilterOption[];
  readonly format: 'json' | 'csv' | 'table';
  readonly out?: string;
  readonly covidX: 'dfe' | 'not-possible';
  readonly issues?: string;
  /** `true`/`false` when asked for with --progress / --no-progress; undefined means "when stderr is a terminal". */
  readonly progress?: boolean;
}

const quote = (v: unknown): string => `'${String(v)}'`;

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
  const allowed = (FILTER_FIELDS as readonly string[]).includes(field) ? FILTER_VALUES[field as FilterField] : undefined;
  if (eq <= 0) {
    ctx.addIssue({ code: 'custom', message: `--filter ${quote(text)} is not of the form FIELD=VALUE (e.g. --filter fsm6=true)` });
    return z.NEVER;
  }
  if (allowed === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `--filter field ${quote(field)} is not a pupils.csv field; use one of ${FILTER_FIELDS.join(', ')}`,
    });
    return z.NEVER;
  }
  const value = text.slice(eq + 1);
  if (!allowed.allowed(value)) {
    ctx.addIssue({ code: 'custom', message: `--filter ${field} may be ${allowed.shown}, not ${quote(value)}` });
    return z.NEVER;
  }
  return { field: field as FilterField, value };
});

const schema = z
  .object({
    dataset: z.string().min(1),
    from: date('from').optional(),
    to: date('to').optional(),
    profile: choice('profile', ['dfe', 'all']).default('dfe'),
    by: z
      .array(
        z.enum(GROUP_FIELDS, {
          error: (iss) => `--by field ${quote(iss.input)} is not known; use a comma list of ${GROUP_FIELDS.join(', ')}`,
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
    profile: values['profile'],
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
  return ok(defined(result.data) as SummariseOptions);
};
