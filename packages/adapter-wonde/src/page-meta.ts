/**
 * `meta.pagination` of a Wonde page (reference/mis-formats.md §2.3, SOLID):
 * `{ next: string|null, previous: string|null, more: bool, per_page: int, current_page: int }`.
 * Pure.
 *
 * @module
 */
import { field, isObj } from './fields.js';

/** What a page says of its place in its entity's pages. */
export interface Pagination {
  /** `current_page`, when given as a whole number from 1. */
  readonly currentPage?: number;
  /** Whether a next page follows (`next` set, or `more: true`). */
  readonly hasNext: boolean;
  /** The `next` URL, when given. */
  readonly next?: string;
}

/**
 * The pagination of a page's `meta` (anything else gives "no page number, nothing follows": a
 * list of 50 or fewer rows carries no pagination object, §2.3).
 * @example paginationOf({ pagination: { next: 'https://x/p2', current_page: 1, more: true } }) // { currentPage: 1, hasNext: true, next: 'https://x/p2' }
 */
export const paginationOf = (meta: unknown): Pagination => {
  const p = isObj(meta) ? field(meta, 'pagination') : undefined;
  if (!isObj(p)) return { hasNext: false };
  const next = field(p, 'next');
  const current = field(p, 'current_page');
  const page = typeof current === 'number' ? current : typeof current === 'string' && /^\d{1,9}$/.test(current.trim()) ? Number(current) : undefined;
  const nextText = typeof next === 'string' && next.trim() !== '' ? next.trim() : undefined;
  return {
    ...(page !== undefined && Number.isInteger(page) && page >= 1 ? { currentPage: page } : {}),
    hasNext: nextText !== undefined || field(p, 'more') === true,
    ...(nextText === undefined ? {} : { next: nextText }),
  };
};
