/**
 * One cell of a DfE CSV: a number, a GSS symbol, `NaN` (a rate with no possible sessions), or empty.
 *
 * Source: GSS symbols as in dfeR (`z_replace`) and DfE's open-data standards: `c` confidential
 * (suppressed), `z` not applicable, `x` not available, `low` rounds to zero, `u` low reliability.
 * DfE writes missing identity codes as `NA` or an empty string.
 *
 * @module
 */

/** The GSS symbols DfE uses in place of a value. */
export const GSS_SYMBOLS = ['c', 'z', 'x', 'low', 'u'] as const;
export type GssSymbol = (typeof GSS_SYMBOLS)[number];

/** A parsed cell. */
export type Cell =
  | { readonly _tag: 'number'; readonly value: number; readonly text: string }
  | { readonly _tag: 'symbol'; readonly symbol: GssSymbol }
  | { readonly _tag: 'nan' }
  | { readonly _tag: 'empty' }
  | { readonly _tag: 'invalid'; readonly text: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a cell's text.
 *
 * @example
 * parseCell('12.5') // { _tag: 'number', value: 12.5, text: '12.5' }
 * parseCell('c')    // { _tag: 'symbol', symbol: 'c' }
 */
export const parseCell = (raw: string | undefined): Cell => {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'NA') return { _tag: 'empty' };
  if (text === 'NaN') return { _tag: 'nan' };
  if ((GSS_SYMBOLS as readonly string[]).includes(text)) return { _tag: 'symbol', symbol: text as GssSymbol };
  if (NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { _tag: 'number', value, text };
  }
  return { _tag: 'invalid', text };
};

/** How a cell reads when shown to a person in an issue message. */
export const describeCell = (cell: Cell): string => {
  switch (cell._tag) {
    case 'number':
      return cell.text;
    case 'symbol':
      return `"${cell.symbol}"`;
    case 'nan':
      return 'NaN';
    case 'empty':
      return 'an empty cell';
    case 'invalid':
      return `"${cell.text}"`;
  }
};
