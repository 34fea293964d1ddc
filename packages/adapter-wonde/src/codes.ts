/**
 * Attendance code objects to statutory codes. A Wonde attendance code is
 * `{ id, code, description, type }` (reference/mis-formats.md §2.4: fields SOLID, values
 * INFERRED), and a mark names it by id. The statutory code of a code object is, in order:
 *
 * 1. an explicit statutory mapping field, when the object carries one (`statutory_code`,
 *    `dfe_code`, `export_code`, `statutory_return_code`, `statutory`: all inferred; no public
 *    payload shows one). It must be a statutory register code;
 * 2. else its `code`, when that is itself a statutory register code (core codes.ts).
 *
 * Anything else (a school's local code such as `7`, a subcode such as `X01`) has no statutory
 * mapping: the code is reported and each mark using it is rejected with its name, never guessed
 * (the description and `type` are not used to guess). The code must also be in force on the
 * mark's date (2006 regulations before 19 August 2024, SI 2024/208 from then). Pure.
 *
 * @module
 */
import { CODE_ID, isCodeInForce, regimeOn } from '@attendance-kit/core';
import { STATUTORY_FIELDS } from './entity.js';
import { text, type Obj } from './fields.js';
import type { WondeIssueCode } from './issue-codes.js';

/** A code object's statutory code, or why it has none. */
export type Mapping = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly code: WondeIssueCode; readonly message: string };

/** The code object named for messages: its code, description and id. */
export const codeName = (o: Obj): string => {
  const code = text(o, 'code');
  const description = text(o, 'description');
  const id = text(o, 'id');
  return `${code === undefined ? 'code (none)' : JSON.stringify(code)}${description === undefined ? '' : ` (${description})`}${id === undefined ? '' : ` [id ${id}]`}`;
};

/**
 * The statutory code a code object maps to, whatever the date.
 * @example statutoryOf({ id: 'A1', code: 'L', description: 'Late' }) // { ok: true, code: 'L' }
 * @example statutoryOf({ id: 'A2', code: '7', statutory_code: 'I' }) // { ok: true, code: 'I' }
 */
export const statutoryOf = (o: Obj): Mapping => {
  const explicit = text(o, ...STATUTORY_FIELDS);
  if (explicit !== undefined) {
    return CODE_ID.has(explicit)
      ? { ok: true, code: explicit }
      : { ok: false, code: 'wonde/no-statutory-mapping', message: `attendance code ${codeName(o)} maps to ${JSON.stringify(explicit)}, which is no statutory register code` };
  }
  const code = text(o, 'code');
  if (code !== undefined && CODE_ID.has(code)) return { ok: true, code };
  return { ok: false, code: 'wonde/no-statutory-mapping', message: `attendance code ${codeName(o)} is no statutory register code and gives no statutory mapping` };
};

/**
 * The statutory code of a mark on `date` coded with object `o`.
 * @example markCode({ id: 'A1', code: 'J1' }, '2024-09-02') // { ok: true, code: 'J1' }
 * @example markCode({ id: 'A1', code: 'J1' }, '2024-06-03').ok // false
 */
export const markCode = (o: Obj, date: string): Mapping => {
  const m = statutoryOf(o);
  if (!m.ok) return m;
  const regime = regimeOn(date);
  if (!isCodeInForce(m.code, regime)) return { ok: false, code: 'wonde/code-not-in-force', message: `attendance code ${codeName(o)} gives ${JSON.stringify(m.code)}, not a code of the ${regime} regulations on ${date}` };
  return m;
};
