export {};
export * from './testing/arbitraries.js';
export * from './testing/synthetic.js';
export * from './testing/datasets.js';
export * from './calendar/calendar-arbitraries.js';
export { mulberry32 } from './testing/synthetic-prng.js';
