/**
 * Comparators: exact fractions, session counts and their rates, weighted means, phase totals.
 * @module
 */
export * from './fraction.js';
export * from './counts.js';
export * from './weighted.js';
export * from './phase-total.js';
export * from './coverage.js';
export * from './areas.js';
export * from './standardised.js';
export * from './significance.js';
export * from './from-tally.js';
