/**
 * The conformance kit: the laws every adapter keeps, checked on its fixtures and on generated and
 * mutated inputs. Exported from `@attendance-kit/adapter-kit/testing`.
 *
 * @module
 */
export { LAWS, type Law, type LawContext } from './laws.js';
export { generatedFiles, mutations, mutate, type GeneratedFile, type Mutation } from './inputs.js';
export { runAdapter, readAll, resolveRun, openScratch, type AdapterRun, type ConformanceFixture, type Scratch } from './run-adapter.js';
export {
  runConformance,
  writeConformanceReport,
  conformanceReport,
  checkLaw,
  DEFAULT_NUM_RUNS,
  type ConformanceOptions,
  type ConformanceReport,
  type LawResult,
} from './run.js';
export { describeConformance } from './describe.js';
export { fixturesFrom, inputFiles } from './fixtures.js';
