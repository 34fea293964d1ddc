/**
 * Renderers of a report: JSON, CSV, Markdown, self-contained HTML, and the HTML index page.
 * @module
 */
export * from './json.js';
export * from './csv.js';
export * from './markdown.js';
export * from './html.js';
export * from './escape.js';
export * from './chart.js';
export * from './text.js';

import type { Report } from '../model.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

/** Output formats. */
export const FORMATS = ['json', 'csv', 'md', 'html'] as const;
/** An output format. */
export type Format = (typeof FORMATS)[number];

/**
 * Renders a report in a format.
 * @example render(report, 'md')
 */
export const render = (report: Report, format: Format): string =>
  format === 'json' ? renderJson(report) : format === 'csv' ? renderCsv(report) : format === 'md' ? renderMarkdown(report) : renderHtml(report);
