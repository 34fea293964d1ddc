/**
 * @attendance-kit/reports: FFT-style attendance reports as typed tables (pure functions of a dataset
 * and comparator cells) and their renderers. See docs/reports.md.
 * @module
 */
export * from './model.js';
export * from './measures.js';
export * from './cell.js';
export * from './comparator.js';
export * from './table.js';
export * from './build.js';
export * from './reports.js';
export * from './report-360.js';
export * from './registry.js';
export * from './statistical-neighbours.js';
export * from './statistical-neighbours-stats.js';
export * from './profile.js';
export * from './part-time-timetables.js';
export * from './persistent-absence.js';
export * from './data-check.js';
export * from './render/index.js';
