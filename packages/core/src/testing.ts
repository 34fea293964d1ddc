export {};
export * from './testing/arbitraries.js';
