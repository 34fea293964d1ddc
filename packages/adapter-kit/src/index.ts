/**
 * @attendance-kit/adapter-kit: the contract every adapter follows. Issues and record counts (from
 * core), import reports, an issue collector for streaming reads, zod errors as issues, and the
 * one error an adapter throws (its input cannot be read). `./testing` holds the helpers adapter
 * tests share (the conformance kit grows there).
 * @packageDocumentation
 */
export type { Issue, Severity, RecordCounts } from '@attendance-kit/core';
export * from './report.js';
export * from './collector.js';
export * from './zod.js';
export * from './read-error.js';
export * from './adapter.js';
export * from './decode.js';
export * from './json-page-scan.js';
export * from './xml-records.js';
export * from './file-chunks.js';
export * from './xml-text.js';
