/**
 * @attendance-kit/adapter-dfe-ees: reads DfE's published "Pupil attendance in schools" CSVs into
 * comparator rows, recomputes their rates and phase Totals the way DfE makes them, and reads DfE's
 * statistical neighbours table.
 * @packageDocumentation
 */
export * from './cell.js';
export * from './columns.js';
export * from './period.js';
export * from './read.js';
export * from './table.js';
export * from './format.js';
export * from './neighbours.js';
export * from './cells.js';
export * from './compare.js';
