/**
 * Issues are data: what went wrong with an input record, where, and a stable code to act on.
 * Every issue code in use is listed with its meaning in docs/issue-codes.md.
 *
 * @module
 */

/** How bad an issue is: an `error` rejects the record, a `warning` keeps it, `info` only reports. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in the input. */
export interface Issue {
  /** Stable, namespaced code, e.g. `canonical/unknown-code`. Never reworded once released. */
  readonly code: string;
  readonly severity: Severity;
  /** A plain sentence a person can act on. */
  readonly message: string;
  /** The input file (as given by the caller), when the issue comes from one. */
  readonly file?: string;
  /** 1-based physical line number in the file where the record starts. */
  readonly line?: number;
  /** The column or field name. */
  readonly field?: string;
}

/** What became of a file's records: `read = accepted + superseded + rejected` always holds. */
export interface RecordCounts {
  readonly read: number;
  readonly accepted: number;
  readonly superseded: number;
  readonly rejected: number;
}
