/**
 * `runConformance`: checks every law against an adapter and returns a report (data), which
 * {@link writeConformanceReport} saves as JSON for a vendor's CI artefacts.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type fc from 'fast-check';
import type { AnyAdapter } from '../adapter.js';
import type { GeneratedFile } from './inputs.js';
import { LAWS, type Law, type LawContext } from './laws.js';
import { openScratch, type ConformanceFixture } from './run-adapter.js';

/** Options of {@link runConformance} and `describeConformance`. */
export interface ConformanceOptions {
  /** The adapter's own fixtures (accepted and rejected), read with their options. */
  readonly fixtures: readonly ConformanceFixture[];
  /** Extra generated inputs for the never-throws law (near-valid files of the format). */
  readonly arbitraries?: readonly fc.Arbitrary<GeneratedFile>[];
  /** Runs per generated-input property; default 60. */
  readonly numRuns?: number;
  /** fast-check seed, to replay a failure. */
  readonly seed?: number;
  /** Only these law ids (default: all). */
  readonly laws?: readonly string[];
  /** When given, the JSON report is written here. */
  readonly reportPath?: string;
}

/** The outcome of one law. */
export interface LawResult {
  readonly id: string;
  readonly title: string;
  readonly passed: boolean;
  /** Why it failed (with fast-check's counterexample and seed when from a property). */
  readonly error?: string;
}

/** The conformance report. */
export interface ConformanceReport {
  readonly adapter: { readonly id: string; readonly name: string; readonly formats: readonly string[]; readonly issueCodes: readonly string[] };
  readonly fixtures: readonly string[];
  readonly numRuns: number;
  readonly passed: boolean;
  readonly laws: readonly LawResult[];
}

/** Default runs per generated-input property. */
export const DEFAULT_NUM_RUNS = 60;

/** The laws selected by `options.laws`. */
export const selectedLaws = (options: Pick<ConformanceOptions, 'laws'>): readonly Law[] =>
  options.laws === undefined ? LAWS : LAWS.filter((l) => options.laws?.includes(l.id));

/** Checks one law, catching its failure as a result. */
export const checkLaw = async (law: Law, ctx: LawContext): Promise<LawResult> => {
  try {
    await law.check(ctx);
    return { id: law.id, title: law.title, passed: true };
  } catch (e) {
    return { id: law.id, title: law.title, passed: false, error: e instanceof Error ? e.message : String(e) };
  }
};

/** Builds the report from law results. */
export const conformanceReport = (adapter: AnyAdapter, options: ConformanceOptions, laws: readonly LawResult[]): ConformanceReport => ({
  adapter: { id: adapter.id, name: adapter.name, formats: adapter.formats, issueCodes: Object.keys(adapter.issueCodes).sort() },
  fixtures: options.fixtures.map((f) => f.name),
  numRuns: options.numRuns ?? DEFAULT_NUM_RUNS,
  passed: laws.every((l) => l.passed),
  laws,
});

/** Writes the report as JSON (the folder is created if missing). */
export const writeConformanceReport = async (path: string, report: ConformanceReport): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
};

/**
 * Runs every law against `adapter` outside a test runner and returns the report (writing it to
 * `options.reportPath` when given). Never throws for a failing law: see `report.passed`.
 *
 * @example
 * const report = await runConformance(ctfAdapter, { fixtures: fixturesFrom('test/fixtures', { schoolUrn: '100101' }) });
 * report.laws.filter((l) => !l.passed) // []
 */
export const runConformance = async (adapter: AnyAdapter, options: ConformanceOptions): Promise<ConformanceReport> => {
  const scratch = await openScratch();
  try {
    const ctx = lawContext(adapter, options, scratch);
    const results: LawResult[] = [];
    for (const law of selectedLaws(options)) results.push(await checkLaw(law, ctx));
    const report = conformanceReport(adapter, options, results);
    if (options.reportPath !== undefined) await writeConformanceReport(options.reportPath, report);
    return report;
  } finally {
    await scratch.dispose();
  }
};

/** The context the laws are checked with. */
export const lawContext = (adapter: AnyAdapter, options: ConformanceOptions, scratch: LawContext['scratch']): LawContext => ({
  adapter,
  fixtures: options.fixtures,
  numRuns: options.numRuns ?? DEFAULT_NUM_RUNS,
  arbitraries: options.arbitraries ?? [],
  scratch,
  ...(options.seed === undefined ? {} : { seed: options.seed }),
});
