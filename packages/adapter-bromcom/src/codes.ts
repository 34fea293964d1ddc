/**
 * Bromcom marks to statutory codes. Bromcom's `Mark` is the school's display code and
 * `ExportMark` the statutory code it exports (reference/mis-formats.md §1.1, §4.2: "Export Marks"
 * is the statutory code), so a mark is classified on `ExportMark` when given, else on `Mark` only
 * when `Mark` is itself a statutory code. A local code with no export mapping (Bromcom's 2020-21
 * `7`/`8`/`9`/`0`, subcodes such as `X01`) is rejected with its name, never guessed. The code must
 * also be in force on its date (2006 regulations before 19 August 2024, SI 2024/208 from then;
 * core codes.ts).
 *
 * @module
 */
import { CODE_ID, isCodeInForce, regimeOn } from '@attendance-kit/core';
import type { BromcomIssueCode } from './issue-codes.js';

/** A statutory code, or why there is none. */
export type CodeResult = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly code: BromcomIssueCode; readonly message: string };

/**
 * The statutory code of a mark on `date`. `mark` and `exportMark` are trimmed texts (undefined when
 * empty). Neither given: `-` (no mark recorded).
 * @example statutoryCode('7', 'I', '2021-01-05') // { ok: true, code: 'I' }
 * @example statutoryCode('7', undefined, '2021-01-05').ok // false
 */
export const statutoryCode = (mark: string | undefined, exportMark: string | undefined, date: string): CodeResult => {
  const regime = regimeOn(date);
  if (exportMark !== undefined) {
    if (!CODE_ID.has(exportMark)) {
      return { ok: false, code: 'bromcom/unknown-code', message: `ExportMark ${JSON.stringify(exportMark)}${mark === undefined ? '' : ` (Mark ${JSON.stringify(mark)})`} on ${date} is not a statutory register code; rejected` };
    }
    if (!isCodeInForce(exportMark, regime)) {
      return { ok: false, code: 'bromcom/code-not-in-force', message: `ExportMark ${JSON.stringify(exportMark)} on ${date} is not a code of the ${regime} regulations; rejected` };
    }
    return { ok: true, code: exportMark };
  }
  const code = mark ?? '-';
  if (!CODE_ID.has(code)) {
    return { ok: false, code: 'bromcom/no-statutory-mapping', message: `Mark ${JSON.stringify(code)} on ${date} is not a statutory code and no ExportMark maps it; rejected, not guessed` };
  }
  if (!isCodeInForce(code, regime)) {
    return { ok: false, code: 'bromcom/code-not-in-force', message: `Mark ${JSON.stringify(code)} on ${date} is not a code of the ${regime} regulations; rejected` };
  }
  return { ok: true, code };
};
