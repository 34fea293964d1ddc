/**
 * zod errors as issues: each zod issue becomes one {@link Issue} naming the field (its path), the
 * value that was given, and a stable code a program can act on. zod's own wording may change
 * between versions; the codes made here do not.
 *
 * @module
 */
import type { Issue } from '@attendance-kit/core';
import type { ZodError } from 'zod';

type ZodIssue = ZodError['issues'][number];

/** Where the record came from, and how to name its issues. */
export interface ZodIssueContext {
  /** Namespace of the codes, e.g. `canonical` gives `canonical/missing-field` (default `adapter`). */
  readonly namespace?: string;
  readonly file?: string;
  readonly line?: number;
  /**
   * The value that was parsed. When given, each issue's value is looked up by its path here
   * (so "missing" is told apart from "invalid" even without zod's `reportInput`).
   */
  readonly input?: unknown;
  /** Overrides the code suffix for an issue (return undefined to keep the default). */
  readonly codeFor?: (issue: ZodIssue, field: string) => string | undefined;
}

/**
 * The default code suffix of a zod issue whose value was `value`: `missing-field` when no value
 * was given (undefined or empty text), `field-too-long` for a string over its maximum, a custom
 * refinement's `params.code` when it sets one, else `bad-value`.
 */
export const zodIssueCodeSuffix = (issue: ZodIssue, value: unknown = issue.input): string => {
  if (issue.code !== 'custom' && (value === undefined || value === '')) return 'missing-field';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'field-too-long';
  if (issue.code === 'custom') {
    const code: unknown = issue.params?.['code'];
    if (typeof code === 'string') return code;
  }
  return 'bad-value';
};

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);

const MAX_SHOWN = 60;

/** A value as shown in a message: quoted, and cut short when long. */
export const showValue = (value: unknown): string => {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}...` : s);
};

/**
 * Turns a zod error into issues (severity `error`), one per zod issue. Parse with
 * `{ reportInput: true }` so the messages can name the value given.
 *
 * @example
 * const r = z.object({ session: z.enum(['AM', 'PM']) }).safeParse({ session: 'am' }, { reportInput: true });
 * if (!r.success) zodIssues(r.error, { namespace: 'canonical', file: 'marks.csv', line: 3 });
 * // [{ code: 'canonical/bad-value', field: 'session', line: 3, message: 'session: ... (got "am")', ... }]
 */
export const zodIssues = (error: ZodError, context: ZodIssueContext): Issue[] =>
  error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const value = 'input' in context ? valueAt(context.input, issue.path) : issue.input;
    const suffix = context.codeFor?.(issue, field) ?? zodIssueCodeSuffix(issue, value);
    const given = value === undefined || value === '' ? '' : ` (got ${showValue(value)})`;
    const message = suffix === 'missing-field' ? `${field || 'value'} is required but empty or missing` : `${field || 'value'}: ${issue.message}${given}`;
    return {
      code: `${context.namespace ?? 'adapter'}/${suffix}`,
      severity: 'error' as const,
      message,
      ...(context.file === undefined ? {} : { file: context.file }),
      ...(context.line === undefined ? {} : { line: context.line }),
      ...(field === '' ? {} : { field }),
    };
  });
