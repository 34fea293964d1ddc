/**
 * A CTF `<Pupil>` as a canonical enrolment. Names are never read. Required: UPN (the pupil id)
 * and NCyearActual (the year group); without them the pupil and its marks are rejected. Optional
 * characteristics are kept when understood and otherwise left unknown with a warning, never guessed.
 *
 * Element names (reference/mis-formats.md §6, from a CTF 25 parser, one source, unverified):
 * `UPN`, `DOB`, `Gender`, `NCyearActual`, `Ethnicity`, `InCare`, `SENprovision` (or `SENstatus`),
 * `FSMhistory` with episodes holding `FSMstartDate` / `FSMendDate`, `EnrolStatus`, and `Languages`
 * (first language, for EAL). FSM6 and EAL element layouts are INFERRED: see `firstLanguage` and the
 * FSM6 comment below; each plausible variant is accepted.
 *
 * @module
 */
import { zodIssues } from '@attendance-kit/adapter-kit';
import { CanonicalPupil, isIsoDate, YEAR_GROUPS, type Issue } from '@attendance-kit/core';
import { z } from 'zod';
import { children, text, textOf, type XmlValue } from './xml.js';

/** Where issues point. */
export interface Where {
  readonly file: string;
  readonly line?: number;
}

const at = (w: Where): { file: string; line?: number } => (w.line === undefined ? { file: w.file } : { file: w.file, line: w.line });

/** The required fields, checked with zod so messages name the field and the value. */
const Required = z.object({
  UPN: z.string().min(1).max(64).regex(/^[^\r\n]+$/),
  NCyearActual: z.enum(YEAR_GROUPS),
});

/** `07` → `7`, `r` → `R`: year groups as MIS write them. */
const yearGroupText = (s: string | undefined): string | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim().toUpperCase().replace(/^YEAR\s*/, '');
  return /^\d+$/.test(t) ? String(Number(t)) : t;
};

const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;

/** One FSM episode of FSMhistory: start and optional end, both real dates. */
interface Episode {
  readonly start: string;
  readonly end?: string;
}

/** The FSM episodes of FSMhistory (episodes directly in it or in FSMreview children); undefined without FSMhistory. */
const fsmEpisodes = (pupil: XmlValue, warn: (field: string, value: string) => void): Episode[] | undefined => {
  const history = children(pupil, 'FSMhistory');
  if (history.length === 0) return undefined;
  const out: Episode[] = [];
  for (const h of history) {
    const episodes = typeof h === 'string' ? [] : Object.values(h).flatMap((v) => (Array.isArray(v) ? (v as XmlValue[]) : [v as XmlValue]));
    for (const e of [h, ...episodes]) {
      const start = text(e, 'FSMstartDate');
      if (start === undefined) continue;
      const end = text(e, 'FSMendDate');
      if (!isIsoDate(start) || (end !== undefined && !isIsoDate(end))) {
        warn('FSMstartDate', `${start}..${end ?? ''}`);
        continue;
      }
      out.push(end === undefined ? { start } : { start, end });
    }
  }
  return out;
};

/** Whether an episode overlaps [from, to] (ISO dates compare as text). */
const overlaps = (e: Episode, from: string, to: string): boolean => e.start <= to && (e.end === undefined || e.end >= from);

/** Y/N, true/false, 1/0 as a boolean; undefined when not understood. */
const flag = (s: string | undefined): boolean | undefined => {
  const t = s?.toUpperCase();
  return t === 'Y' || t === 'YES' || t === 'TRUE' || t === '1' ? true : t === 'N' || t === 'NO' || t === 'FALSE' || t === '0' ? false : undefined;
};

/** First-language codes that are English (DfE language codes: ENG English, ENB believed to be English). */
const ENGLISH = new Set(['ENG', 'ENB']);
/** First language not obtained or refused: EAL unknown. */
const NOT_KNOWN = new Set(['NOT', 'REF']);
/** How a `LanguageType` names the first language (INFERRED variants: `F`, `FLA`, `First`). */
const FIRST = new Set(['F', 'FLA', 'FIRST']);

/**
 * The pupil's first-language code, INFERRED layouts, each accepted: `Languages/Type` (or
 * `Languages/LanguageType`, or `Languages` itself) holding `LanguageType`/`Type` = F|FLA|First and
 * `Language`/`LanguageCode`/`Code`; or a `FirstLanguage` element in the pupil.
 */
const firstLanguage = (pupil: XmlValue): string | undefined => {
  const direct = text(pupil, 'FirstLanguage');
  if (direct !== undefined) return direct;
  for (const langs of children(pupil, 'Languages')) {
    const inner = typeof langs === 'string' ? [] : Object.values(langs).flatMap((v) => (Array.isArray(v) ? (v as XmlValue[]) : [v as XmlValue]));
    for (const c of [langs, ...inner]) {
      const type = textOf(c, ['LanguageType', 'Type'])?.toUpperCase();
      const code = textOf(c, ['Language', 'LanguageCode', 'Code']);
      if (type !== undefined && FIRST.has(type) && code !== undefined) return code;
    }
  }
  return undefined;
};

/**
 * The enrolment of a `<Pupil>` at school `schoolUrn`, or undefined (with an error issue) when a
 * required field is missing or bad. `asAt` is the CTF's DateTime date: FSM is eligibility on it.
 */
export const pupilOf = (
  pupil: XmlValue,
  schoolUrn: string,
  asAt: string | undefined,
  where: Where,
): { readonly pupil?: CanonicalPupil; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = [];
  const required = { UPN: text(pupil, 'UPN'), NCyearActual: yearGroupText(text(pupil, 'NCyearActual')) };
  const parsed = Required.safeParse(required, { reportInput: true });
  if (!parsed.success) return { issues: zodIssues(parsed.error, { namespace: 'ctf', ...at(where), input: required, codeFor: (i) => (i.code === 'too_big' ? 'bad-value' : undefined) }) };
  const { UPN: upn, NCyearActual: yearGroup } = parsed.data;
  if (!UPN.test(upn)) issues.push({ code: 'ctf/unusual-upn', severity: 'warning', message: `UPN ${JSON.stringify(upn)} is not a letter, 11 digits and a check character; kept as the pupil id`, ...at(where), field: 'UPN' });
  const warn = (field: string, value: string): void => {
    issues.push({ code: 'ctf/bad-characteristic', severity: 'warning', message: `${field} ${JSON.stringify(value)} is not understood; left unknown`, ...at(where), field });
  };
  const record: Record<string, unknown> = { schoolUrn, pupilId: upn, yearGroup, enrolmentStatus: 'C' };
  const dob = text(pupil, 'DOB');
  if (dob !== undefined) {
    if (isIsoDate(dob)) record['dateOfBirth'] = dob;
    else warn('DOB', dob);
  }
  const gender = text(pupil, 'Gender')?.toUpperCase();
  if (gender === 'M' || gender === 'F') record['sex'] = gender;
  else if (gender !== undefined && gender !== 'U' && gender !== 'X') warn('Gender', gender);
  const ethnicity = text(pupil, 'Ethnicity')?.toUpperCase();
  if (ethnicity !== undefined) {
    if (/^[A-Z]{4}$/.test(ethnicity)) record['ethnicity'] = ethnicity;
    else warn('Ethnicity', ethnicity);
  }
  const inCare = text(pupil, 'InCare')?.toUpperCase();
  if (inCare !== undefined) {
    if (inCare === 'Y' || inCare === 'TRUE' || inCare === '1') record['lookedAfter'] = true;
    else if (inCare === 'N' || inCare === 'FALSE' || inCare === '0') record['lookedAfter'] = false;
    else warn('InCare', inCare);
  }
  const sen = textOf(pupil, ['SENprovision', 'SENstatus'])?.toUpperCase();
  if (sen !== undefined) {
    if (sen === 'N' || sen === 'K' || sen === 'E') record['sen'] = sen;
    else warn('SENprovision', sen);
  }
  const status = text(pupil, 'EnrolStatus')?.toUpperCase();
  if (status !== undefined) {
    if (status === 'C' || status === 'M' || status === 'S' || status === 'G') record['enrolmentStatus'] = status;
    else warn('EnrolStatus', status);
  }
  // FSM: eligible on the CTF's date. FSM6 ("ever 6"): eligible at any time in the six years up
  // to it (DfE's pupil premium "Ever 6 FSM" measure), unless the pupil carries an explicit
  // FSM6/EverFSM6 flag (INFERRED element names). Without FSMhistory both stay unknown.
  const episodes = fsmEpisodes(pupil, warn);
  if (episodes !== undefined && asAt !== undefined) {
    record['fsm'] = episodes.some((e) => overlaps(e, asAt, asAt));
    record['fsm6'] = episodes.some((e) => overlaps(e, `${String(Number(asAt.slice(0, 4)) - 6).padStart(4, '0')}${asAt.slice(4)}`, asAt));
  }
  const fsm6Text = textOf(pupil, ['FSM6', 'EverFSM6', 'EverFsm6']);
  if (fsm6Text !== undefined) {
    const f = flag(fsm6Text);
    if (f === undefined) warn('FSM6', fsm6Text);
    else record['fsm6'] = f;
  }
  // EAL: first language other than English (ENG/ENB), from Languages; NOT/REF leave it unknown.
  const language = firstLanguage(pupil)?.toUpperCase();
  if (language !== undefined) {
    if (ENGLISH.has(language)) record['eal'] = false;
    else if (/^[A-Z]{3,4}$/.test(language)) {
      if (!NOT_KNOWN.has(language)) record['eal'] = true;
    } else warn('Languages', language);
  }
  if (!CanonicalPupil.is(record)) return { issues: [...issues, { code: 'ctf/bad-value', severity: 'error', message: 'the pupil record does not decode', ...at(where) }] };
  return { pupil: record, issues };
};
