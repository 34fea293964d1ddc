/**
 * @attendance-kit/core: pure attendance calculations. No I/O, no clock, no randomness.
 * @packageDocumentation
 */
export * from './codes.js';
export * from './dates.js';
