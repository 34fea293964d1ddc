/**
 * The school of an export from the caller's options (`--school-urn`, `--la-code`, `--phase`), for
 * sources that do not carry it.
 *
 * @module
 */
import type { AdapterOptions } from '@attendance-kit/adapter-kit';
import { CanonicalSchool, PHASES, Urn, type Issue, type Phase } from '@attendance-kit/core';

/** The issue codes raised for a missing or bad value, by adapter. */
export interface SchoolCodes {
  readonly urn: string;
  readonly la: string;
  readonly phase: string;
  readonly bad: string;
}

/**
 * A school from a URN, LA code and phase (any may come from the options), or the issues saying
 * what is missing or bad.
 * @example schoolFrom({ urn: '100101', laCode: '926', phase: 'primary' }, codes, 'a.json', 'Arbor').school?.urn // '100101'
 */
export const schoolFrom = (
  given: { readonly urn?: string | undefined; readonly laCode?: string | undefined; readonly phase?: string | undefined; readonly name?: string | undefined },
  codes: SchoolCodes,
  file: string,
  source: string,
): { readonly school?: CanonicalSchool; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  if (given.urn === undefined) issues.push({ code: codes.urn, severity: 'error', message: `${source} does not name the school's URN: give it (--school-urn); the pupils and marks are rejected`, file });
  if (given.laCode === undefined) issues.push({ code: codes.la, severity: 'error', message: `${source} does not carry the school's LA code: give it (--la-code)`, file });
  if (given.phase === undefined) issues.push({ code: codes.phase, severity: 'error', message: `${source} does not say the school's phase: give it (--phase)`, file });
  if (issues.length > 0) return { issues };
  const record = { urn: given.urn, laCode: given.laCode, phase: given.phase, ...(given.name === undefined || given.name === '' ? {} : { name: given.name }) };
  if (!CanonicalSchool.is(record)) {
    return { issues: [{ code: codes.bad, severity: 'error', message: `school URN ${JSON.stringify(record.urn)} (6 or 7 digits), LA code ${JSON.stringify(record.laCode)} (3 digits) or phase ${JSON.stringify(record.phase)} is not valid`, file }] };
  }
  return { school: record, issues: [] };
};

/** Whether the options carry a usable URN. */
export const optionUrn = (options: AdapterOptions): string | undefined => (options.schoolUrn !== undefined && Urn.is(options.schoolUrn) ? options.schoolUrn : undefined);

/** A phase from a school table's text (lower-cased, spaces as dashes), if it is one. */
export const phaseOf = (s: string | undefined): Phase | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (PHASES as readonly string[]).includes(t) ? (t as Phase) : undefined;
};
