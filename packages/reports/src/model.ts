/**
 * The report model (issue 6 item 1): every report is one typed table, the same shape for every
 * renderer. Plain TypeScript types (no codec): reports are made by this package's pure functions,
 * never read from outside, so there is no edge to validate here.
 *
 * @module
 */
import type { Filter, IsoDate, ProfileId } from '@attendance-kit/core';

/** The band of a cell's difference from its comparator (core banding.ts, FFT FAQ 2), JSON-safe. */
export interface CellBand {
  /** 0: under 1 point; 1: 1 to under 2; 2: 2 to under 4; 3: 4 points or more. */
  readonly level: 0 | 1 | 2 | 3;
  /** `none` exactly when `level` is 0; read with the measure's polarity. */
  readonly direction: 'better' | 'worse' | 'none';
}

/** One figure of a report. Rates: `value = numerator * 100 / denominator`, unrounded. */
export interface ReportCell {
  /** Unrounded percent for rates; null when there is nothing to divide (denominator 0) or it is suppressed. */
  readonly value: number | null;
  /** Sessions (or pupils) counted; null only when the cell is suppressed. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The comparator's unrounded percent, null when there is none for this cell. */
  readonly comparator: number | null;
  /** `value - comparator` in percentage points, unrounded; null when either is missing. */
  readonly difference: number | null;
  /** Decided exactly from the counts (core `bandPercentages`); null when there is no difference. */
  readonly band: CellBand | null;
  /** Statistical significance: null, not computed (FFT's colours are not significance either, FAQ 2). */
  readonly significant: boolean | null;
  /** True when the figure is withheld (`minGroupSize`): value, counts, comparator and band are then null and `display` is `c` (GSS "confidential"). */
  readonly suppressed: boolean;
  /** The figure as shown: half up on the exact value (FFT FAQ 1), e.g. `95.8%`; `''` when there is no value. */
  readonly display: string;
}

/** A column: a week (id = its Monday, `2024-09-02`), the period (`ytd`), or a measure. */
export interface ReportColumn {
  readonly id: string;
  readonly label: string;
}

/** A row: what it is about (`school_urn` for schools, `la_code` for the LA total, group fields) and its cells. */
export interface ReportRow {
  readonly key: Readonly<Record<string, string>>;
  readonly cells: Readonly<Record<string, ReportCell>>;
}

/** The comparator a report used. */
export interface ReportComparator {
  readonly kind: 'national' | 'regional' | 'none';
  /** What it is, in words (e.g. `England, state-funded primary (DfE weekly)`). */
  readonly label: string;
}

/** A report: a titled table with its period, profile, filters, comparator and notes. */
export interface Report {
  readonly id: string;
  readonly title: string;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate; readonly label: string };
  readonly profile: ProfileId | string;
  readonly filters: readonly Filter[];
  readonly comparator: ReportComparator;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /** Plain sentences a reader needs: empty results, missing comparators, caveats. */
  readonly notes: readonly string[];
}
