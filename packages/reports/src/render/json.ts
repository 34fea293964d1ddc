/**
 * JSON of a report: the model as is (issue 6 item 1), two-space indented, newline-terminated.
 * @module
 */
import type { Report } from '../model.js';

/**
 * @example JSON.parse(renderJson(report)).id // 'weekly-attendance'
 */
export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
