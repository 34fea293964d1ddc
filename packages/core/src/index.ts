/**
 * @attendance-kit/core: pure attendance calculations. No I/O, no clock, no randomness.
 * @packageDocumentation
 */
export * from './codes.js';
export * from './dates.js';
export * from './issue.js';
export * from './dataset.js';
export * from './calendar/bank-holidays.js';
export * from './calendar/date-range.js';
export * from './calendar/easter.js';
export * from './calendar/academic-year.js';
export * from './calendar/weeks.js';
export * from './calendar/half-terms.js';
export * from './calendar/default-calendar.js';
export * from './calendar/infer-calendar.js';
export * from './calendar/term-dates.js';
export * from './calendar/school-calendar.js';
export * from './calendar/periods.js';
export * from './calendar/register-days.js';
export * from './classify.js';
export * from './tally.js';
export * from './metrics.js';
export * from './rounding.js';
export * from './population.js';
export * from './canonical.js';
export * from './engine/builder.js';
export * from './engine/aggregate.js';
export * from './summarise.js';
export * from './period-summary.js';
export * from './characteristics.js';
export * from './characteristic-timeline.js';
export * from './comparator/index.js';
export * from './disclosure.js';
export * from './banding.js';
