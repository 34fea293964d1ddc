/** Timing helpers: medians of repetitions after a warm-up. */

/** The median of some numbers (the mean of the two middle ones for an even count). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Runs `f` once to warm up, then `reps` times; the median milliseconds and the last result. */
export const timeMedian = async <T>(reps: number, f: () => T | Promise<T>): Promise<{ ms: number; result: T; runs: number[] }> => {
  let result = await f();
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = await f();
    runs.push(performance.now() - t0);
  }
  return { ms: median(runs), result, runs };
};

/** Progress on stderr (stdout carries only the result JSON). */
export const log = (msg: string): void => {
  process.stderr.write(`bench: ${msg}\n`);
};

/** Millions with one decimal, for log lines. */
export const mps = (marks: number, ms: number): number => Math.round((marks / (ms / 1000)) * 10) / 10;
