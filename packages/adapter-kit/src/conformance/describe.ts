/**
 * `describeConformance`: registers one vitest test per law, titled `[CONF-n] ...`, so a vendor's
 * suite shows each law passing or failing by name. Call it at the top level of a test file.
 *
 * @module
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AnyAdapter } from '../adapter.js';
import { checkLaw, conformanceReport, lawContext, selectedLaws, writeConformanceReport, type ConformanceOptions, type LawResult } from './run.js';
import { openScratch, type Scratch } from './run-adapter.js';

/**
 * Registers the conformance laws as vitest tests for `adapter`.
 *
 * @example
 * // test/conformance.test.ts of a vendor's adapter package
 * import { describeConformance, fixturesFrom } from '@attendance-kit/adapter-kit/testing';
 * describeConformance(myAdapter, { fixtures: fixturesFrom('test/fixtures'), reportPath: 'conformance-report.json' });
 */
export const describeConformance = (adapter: AnyAdapter, options: ConformanceOptions): void => {
  describe(`conformance of adapter '${adapter.id}' (${adapter.name})`, () => {
    let scratch: Scratch | undefined;
    const results: LawResult[] = [];
    beforeAll(async () => {
      scratch = await openScratch();
    });
    afterAll(async () => {
      await scratch?.dispose();
      if (options.reportPath !== undefined) await writeConformanceReport(options.reportPath, conformanceReport(adapter, options, results));
    });
    for (const law of selectedLaws(options)) {
      it(`[${law.id}] ${law.title}`, async () => {
        const result = await checkLaw(law, lawContext(adapter, options, scratch as Scratch));
        results.push(result);
        if (!result.passed) throw new Error(result.error);
      });
    }
  });
};
