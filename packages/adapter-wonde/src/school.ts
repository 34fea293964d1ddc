/**
 * The school: the object of `schools/{id}` (reference/mis-formats.md §2.9, SOLID: `urn`,
 * `la_code`, `establishment_number`, `phase_of_education`, `name`, and
 * `region.identifiers {la_code, establishment_number, urn}`), or the options when the export holds
 * no school object. The source wins over the options; an option that differs gets a warning.
 * Pure.
 *
 * @module
 */
import type { AdapterOptions } from '@attendance-kit/adapter-kit';
import { CanonicalSchool, LaCode, Urn, type Issue, type Phase } from '@attendance-kit/core';
import { schoolUrnText, type SchoolRef } from './context.js';
import { field, isObj, text, type Obj } from './fields.js';

/**
 * Wonde's `phase_of_education` (values from a Wonde fixture: `PRIMARY`, `SECONDARY`,
 * `ALL THROUGH`, `NURSERY`, `16 PLUS`, `SPECIAL`, `NOT APPLICABLE`; the middle-deemed and
 * alternative-provision spellings are inferred) as a canonical phase. `NOT APPLICABLE` and
 * unknown values give none (the --phase option is then needed).
 * @example phaseOf('ALL THROUGH') // 'all-through'
 */
export const phaseOf = (s: string | undefined): Phase | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim().toUpperCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ');
  if (t === 'PRIMARY' || t === 'MIDDLE DEEMED PRIMARY') return 'primary';
  if (t === 'SECONDARY' || t === 'MIDDLE DEEMED SECONDARY') return 'secondary';
  if (t === 'ALL THROUGH' || t === 'ALLTHROUGH') return 'all-through';
  if (t === 'NURSERY') return 'nursery';
  if (t === 'SPECIAL') return 'special';
  if (t === 'ALTERNATIVE PROVISION' || t === 'PUPIL REFERRAL UNIT' || t === 'PRU') return 'alternative-provision';
  if (t === '16 PLUS' || t === 'POST 16') return 'other';
  return undefined;
};

const identifiers = (o: Obj): Obj => {
  const region = field(o, 'region');
  const ids = isObj(region) ? field(region, 'identifiers') : undefined;
  return isObj(ids) ? ids : {};
};

/** What came of a school. */
export interface SchoolResult {
  readonly school?: CanonicalSchool;
  readonly issues: readonly Issue[];
}

/**
 * The canonical school of a Wonde school object; the options fill what it lacks.
 * @example schoolOfObject({ urn: 100101, la_code: '926', phase_of_education: 'PRIMARY' }, {}, 's.json').school
 * // { urn: '100101', laCode: '926', phase: 'primary' }
 */
export const schoolOfObject = (o: Obj, options: AdapterOptions, file: string): SchoolResult => {
  const issues: Issue[] = [];
  const at = { file, field: 'data' };
  const urn = schoolUrnText(o);
  const laGiven = text(o, 'la_code') ?? text(identifiers(o), 'la_code');
  const phaseGiven = text(o, 'phase_of_education');
  const differs = (flag: string, given: string, source: string): void => {
    issues.push({ code: 'wonde/option-differs', severity: 'warning', message: `${flag} ${given} differs from the school object's ${source}; the school object's is used`, ...at });
  };
  if (urn === '') return { issues: [{ code: 'wonde/bad-school', severity: 'error', message: 'the school object has no urn; the school is rejected', ...at }] };
  if (!Urn.is(urn)) return { issues: [{ code: 'wonde/bad-school', severity: 'error', message: `the school's urn ${JSON.stringify(urn)} is not 6 or 7 digits; the school and its pupils and marks are rejected`, ...at }] };
  if (options.schoolUrn !== undefined && options.schoolUrn !== urn) differs('--school-urn', options.schoolUrn, `urn ${urn}`);
  let laCode: string | undefined;
  if (laGiven !== undefined && LaCode.is(laGiven)) {
    laCode = laGiven;
    if (options.laCode !== undefined && options.laCode !== laGiven) differs('--la-code', options.laCode, `la_code ${laGiven}`);
  } else laCode = options.laCode;
  if (laCode === undefined) {
    issues.push({ code: 'wonde/missing-la-code', severity: 'error', message: `the school object's la_code ${laGiven === undefined ? 'is missing' : `${JSON.stringify(laGiven)} is not a three-digit LA code`}: give it (--la-code); the school is rejected`, ...at });
  }
  const fromSource = phaseOf(phaseGiven);
  const phase = fromSource ?? options.phase;
  if (fromSource !== undefined && options.phase !== undefined && options.phase !== fromSource) differs('--phase', options.phase, `phase_of_education ${phaseGiven ?? ''}`);
  if (phase === undefined) {
    issues.push({ code: 'wonde/missing-phase', severity: 'error', message: `the school object's phase_of_education ${phaseGiven === undefined ? 'is missing' : `${JSON.stringify(phaseGiven)} is not a phase`}: give it (--phase); the school is rejected`, ...at });
  }
  if (laCode === undefined || phase === undefined) return { issues };
  const name = text(o, 'name');
  const record = { urn, laCode, phase, ...(name === undefined ? {} : { name }) };
  if (!CanonicalSchool.is(record)) return { issues: [...issues, { code: 'wonde/bad-school', severity: 'error', message: `--la-code ${JSON.stringify(laCode)} or --phase ${JSON.stringify(phase)} does not decode`, ...at }] };
  return { school: record, issues };
};

/** The school from the options alone (no school object in the export). */
export const schoolOfOptions = (options: AdapterOptions, file: string): SchoolResult => {
  const issues: Issue[] = [];
  if (options.schoolUrn === undefined) issues.push({ code: 'wonde/missing-school-urn', severity: 'error', message: "no school object (schools/{id}) beside this page and no --school-urn: give the school's URN; the pupils and marks of this file are rejected", file });
  if (options.laCode === undefined) issues.push({ code: 'wonde/missing-la-code', severity: 'error', message: "no school object beside this page to give the LA code: give it (--la-code)", file });
  if (options.phase === undefined) issues.push({ code: 'wonde/missing-phase', severity: 'error', message: "no school object beside this page to give the phase: give it (--phase)", file });
  if (issues.length > 0) return { issues };
  const record = { urn: options.schoolUrn, laCode: options.laCode, phase: options.phase };
  if (!CanonicalSchool.is(record)) return { issues: [{ code: 'wonde/bad-school', severity: 'error', message: `--school-urn ${JSON.stringify(record.urn)} (6 or 7 digits), --la-code ${JSON.stringify(record.laCode)} (3 digits) or --phase ${JSON.stringify(record.phase)} is not valid`, file }] };
  return { school: record, issues: [] };
};

/**
 * The URN rows of a folder are keyed by: the school object's, else --school-urn; undefined when
 * none is usable (or the folder holds several schools).
 */
export const urnFor = (school: SchoolRef, options: AdapterOptions): string | undefined => {
  const urn = school._tag === 'one' ? schoolUrnText(school.data) : school._tag === 'none' ? options.schoolUrn : undefined;
  return urn !== undefined && Urn.is(urn) ? urn : undefined;
};
