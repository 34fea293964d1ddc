/**
 * The peak resident set size of this process, in bytes. On Linux it is `VmHWM` from
 * /proc/self/status: `process.resourceUsage().maxRSS` (getrusage) is not reset by exec, so a child
 * started by a large parent reports the parent's size at the fork as its own peak. Elsewhere,
 * getrusage's figure.
 */
import { readFileSync } from 'node:fs';

export const peakRssBytes = (): number => {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1] !== undefined) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
};
