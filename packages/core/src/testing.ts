export {};
export * from './testing/arbitraries.js';
export * from './testing/synthetic.js';
export * from './testing/datasets.js';
