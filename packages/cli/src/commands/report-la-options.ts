/**
 * The options of `attendance report` for the LA reports: `statistical-neighbours` (the LA, DfE's
 * files, the period and phase, the neighbours' mean, what rates are banded against, where the LA's own
 * row comes from) and `profile` (reasons as a share of possible sessions or of absence). Checked here
 * into {@link LaCliOptions}; an option given to a report that does not use it is a usage problem
 * (exit 2), so a typo never silently changes nothing.
 *
 * @module
 */
import type { ReportId } from '@attendance-kit/reports';
import type { OptionSpec, RawValues } from '../parse-args.js';
import { bad, ok, usageProblem, type Checked } from '../usage-error.js';

/** The LA options `report` accepts (for ../parse-args.ts). */
export const LA_REPORT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  la: { type: 'string' },
  dfe: { type: 'string' },
  neighbours: { type: 'string' },
  'dfe-period': { type: 'string' },
  phase: { type: 'string' },
  'sn-mean': { type: 'string' },
  'la-source': { type: 'string' },
  'band-against': { type: 'string' },
  'reason-share': { type: 'string' },
};

/** Checked LA options. */
export interface LaCliOptions {
  readonly la?: string;
  readonly dfe?: string;
  readonly neighbours?: string;
  readonly dfePeriod?: string;
  readonly phase: 'Total' | 'Primary' | 'Secondary' | 'Special';
  readonly neighbourMean: 'plain-mean-of-rates' | 'pooled-sessions';
  readonly laSource: 'dfe' | 'dataset';
  readonly compareWith: 'national' | 'regional';
  readonly reasonShare: 'possible' | 'absence';
}

const SN_ONLY = ['la', 'dfe', 'neighbours', 'dfe-period', 'phase', 'sn-mean', 'la-source', 'band-against'] as const;
const PROFILE_ONLY = ['reason-share'] as const;

const one = (v: RawValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);
const quote = (v: string): string => `'${v}'`;

const pick = <T extends string>(option: string, value: string | undefined, allowed: Readonly<Record<string, T>>, fallback: T): Checked<T> => {
  if (value === undefined) return ok(fallback);
  const v = allowed[value];
  return v === undefined ? bad(usageProblem(`--${option} must be ${Object.keys(allowed).join(' or ')}, not ${quote(value)}`, 'report')) : ok(v);
};

/**
 * Checks the LA options against the report asked for.
 * @example checkLaOptions({ la: '340' }, 'statistical-neighbours') // ok({ la: '340', phase: 'Total', ... })
 */
export const checkLaOptions = (values: RawValues, id: ReportId): Checked<LaCliOptions> => {
  for (const o of SN_ONLY) if (values[o] !== undefined && id !== 'statistical-neighbours') return bad(usageProblem(`--${o} is an option of the statistical-neighbours report, not of ${id}`, 'report'));
  for (const o of PROFILE_ONLY) if (values[o] !== undefined && id !== 'profile') return bad(usageProblem(`--${o} is an option of the profile report, not of ${id}`, 'report'));
  const la = one(values['la']);
  if (id === 'statistical-neighbours' && la === undefined) return bad(usageProblem('statistical-neighbours needs --la CODE, the LA\'s three-digit (old) code, e.g. --la 340 for Knowsley', 'report'));
  if (la !== undefined && !/^\d{3}$/.test(la)) return bad(usageProblem(`--la must be a three-digit (old) LA code such as 340, not ${quote(la)}`, 'report'));
  for (const o of ['dfe', 'neighbours', 'dfe-period'] as const) if (values[o] === '') return bad(usageProblem(`--${o} needs a value`, 'report'));
  const phase = pick('phase', one(values['phase']), { total: 'Total', primary: 'Primary', secondary: 'Secondary', special: 'Special' } as const, 'Total');
  if (!phase.ok) return phase;
  const mean = pick('sn-mean', one(values['sn-mean']), { plain: 'plain-mean-of-rates', pooled: 'pooled-sessions' } as const, 'plain-mean-of-rates');
  if (!mean.ok) return mean;
  const source = pick('la-source', one(values['la-source']), { dfe: 'dfe', dataset: 'dataset' } as const, 'dfe');
  if (!source.ok) return source;
  const against = pick('band-against', one(values['band-against']), { england: 'national', region: 'regional' } as const, 'national');
  if (!against.ok) return against;
  const share = pick('reason-share', one(values['reason-share']), { possible: 'possible', absence: 'absence' } as const, 'possible');
  if (!share.ok) return share;
  const dfe = one(values['dfe']);
  const neighbours = one(values['neighbours']);
  const dfePeriod = one(values['dfe-period']);
  return ok({
    ...(la === undefined ? {} : { la }),
    ...(dfe === undefined ? {} : { dfe }),
    ...(neighbours === undefined ? {} : { neighbours }),
    ...(dfePeriod === undefined ? {} : { dfePeriod }),
    phase: phase.value,
    neighbourMean: mean.value,
    laSource: source.value,
    compareWith: against.value,
    reasonShare: share.value,
  });
};

/**
 * Dates covering a DfE period for a report header when there is no dataset: `202425 Academic year`
 * is 1 September 2024 to 31 August 2025, `Autumn term` September to December, `Spring term` January to
 * March (or April), `Summer term` April to August.
 * @example dfePeriodDates('202425 Autumn term') // { from: '2024-09-01', to: '2024-12-31' }
 */
export const dfePeriodDates = (period: string): { readonly from: string; readonly to: string } | undefined => {
  const m = /^(\d{4})(\d{2}) (.+)$/.exec(period);
  if (m === null) return undefined;
  const y = Number(m[1]);
  const what = (m[3] ?? '').toLowerCase();
  if (what.startsWith('autumn')) return { from: `${y}-09-01`, to: `${y}-12-31` };
  if (what.startsWith('spring')) return { from: `${y + 1}-01-01`, to: `${y + 1}-04-30` };
  if (what.startsWith('summer')) return { from: `${y + 1}-04-01`, to: `${y + 1}-08-31` };
  return { from: `${y}-09-01`, to: `${y + 1}-08-31` };
};
