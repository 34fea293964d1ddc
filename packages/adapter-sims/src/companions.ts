/**
 * What a SIMS marks file needs from other files: the attendance code list (display code to
 * statutory code) and the student list (PersonID to UPN). SIMS gives these as separate exports,
 * so the adapter reads them from the marks file's own folder (reference/mis-formats.md §5.1, §5.3):
 * every file there whose first 4 KiB show an `AttendanceCode` or a `SuperStarReport`.
 *
 * Why the folder and not the paths given: a mark's raw record must not depend on which other
 * files are read in the same import, or on their order (conformance laws CONF-6 and CONF-7), yet
 * cannot be normalized without its code list. The folder is the same whether the marks file is
 * read alone or with the others, so every raw record carries its own resolved mapping and
 * `normalize` stays per record and pure. Keep a SIMS export's files together in one folder.
 *
 * This module is pure: it builds the mappings from parsed records; read.ts does the I/O.
 *
 * @module
 */
import type { Fields } from './xml.js';
import { fieldOf } from './xml.js';

/** How a display code maps, as far as the folder's code lists say. */
export interface CodeMapping {
  readonly display: string;
  /** Distinct statutory codes the lists give it, sorted (one is usable; none or several are not). */
  readonly statutory: readonly string[];
  /** Whether any list has an entry for the display code at all. */
  readonly listed: boolean;
  /** Code lists found in the folder. */
  readonly lists: number;
}

/** How a PersonID maps to a UPN, as far as the folder's student lists say. */
export interface PersonMapping {
  readonly personId: string;
  /** Distinct UPNs for it, sorted. */
  readonly upns: readonly string[];
  /** Student lists found in the folder. */
  readonly lists: number;
}

/** The display and statutory codes of one code-list entry, old (`Code`) or V2 (`SIMS_Display_Code`) format. */
export const codeEntry = (f: Fields): { readonly display?: string; readonly statutory?: string } => {
  const display = f['SIMS_Display_Code'] ?? f['Code'] ?? f['DisplayCode'] ?? f['Display_Code'];
  let statutory = f['Statutory_Return_Code'] ?? f['StatutoryReturnCode'] ?? f['Statutory_Code'] ?? f['StatutoryCode'];
  if (statutory === undefined || statutory === '') {
    // The old format has no statutory column; SIMS's own DfE codes say theirs in the description,
    // e.g. "DfES X: Non-compulsory school age absence" (§5.1). INFERRED: a local code's does not.
    const m = /^DfES?\s+([^\s:]{1,3})\s*:/i.exec(f['Description'] ?? f['SIMS_Display_Description'] ?? '');
    statutory = m?.[1];
  }
  return { ...(display === undefined || display === '' ? {} : { display }), ...(statutory === undefined || statutory === '' ? {} : { statutory }) };
};

/** The PersonID and UPN of a report record (INFERRED captions: PersonID, Person ID, ID, primary_id; UPN). */
export const personEntry = (f: Fields): { readonly personId?: string; readonly upn?: string } => {
  const personId = fieldOf(f, ['personid', 'id', 'primaryid', 'simspersonid']);
  const upn = fieldOf(f, ['upn', 'uniquepupilnumber']);
  return { ...(personId === undefined ? {} : { personId }), ...(upn === undefined ? {} : { upn: upn.toUpperCase() }) };
};

/** Builds a folder's mappings, record by record. */
export interface CompanionBuilder {
  addCodeList(): void;
  addCode(fields: Fields): void;
  addStudentList(): void;
  addStudent(fields: Fields): void;
  finish(): Companions;
}

/** A folder's mappings. Lookups return shared frozen objects (one per code or person). */
export interface Companions {
  code(display: string): CodeMapping;
  person(personId: string): PersonMapping;
}

/**
 * A new builder.
 * @example
 * const b = companionBuilder(); b.addCodeList(); b.addCode({ SIMS_Display_Code: '9', Statutory_Return_Code: 'Y' });
 * b.finish().code('9').statutory // ['Y']
 */
export const companionBuilder = (): CompanionBuilder => {
  let codeLists = 0;
  let studentLists = 0;
  const codes = new Map<string, Set<string>>();
  const people = new Map<string, Set<string>>();
  return {
    addCodeList: () => void codeLists++,
    addCode(fields) {
      const e = codeEntry(fields);
      if (e.display === undefined) return;
      const set = codes.get(e.display) ?? new Set<string>();
      codes.set(e.display, set);
      if (e.statutory !== undefined) set.add(e.statutory);
    },
    addStudentList: () => void studentLists++,
    addStudent(fields) {
      const e = personEntry(fields);
      if (e.personId === undefined || e.upn === undefined) return;
      const set = people.get(e.personId) ?? new Set<string>();
      people.set(e.personId, set);
      set.add(e.upn);
    },
    finish() {
      const codeCache = new Map<string, CodeMapping>();
      const personCache = new Map<string, PersonMapping>();
      return {
        code(display) {
          let m = codeCache.get(display);
          if (m === undefined) {
            const set = codes.get(display);
            m = Object.freeze({ display, statutory: Object.freeze([...(set ?? [])].sort()), listed: set !== undefined, lists: codeLists });
            codeCache.set(display, m);
          }
          return m;
        },
        person(personId) {
          let m = personCache.get(personId);
          if (m === undefined) {
            m = Object.freeze({ personId, upns: Object.freeze([...(people.get(personId) ?? [])].sort()), lists: studentLists });
            personCache.set(personId, m);
          }
          return m;
        },
      };
    },
  };
};
