import type { Options } from 'tsup';

/**
 * The one build every package shares: ESM and CJS with types, for Node 20. Types are built against
 * the siblings' published `dist` (no `source` condition), so packages build in dependency order
 * (scripts/build.mjs).
 */
export const packageBuild = (entry: string[], dtsEntry: string[] = entry): Options => ({
  entry,
  format: ['esm', 'cjs'],
  dts: { entry: dtsEntry, compilerOptions: { customConditions: [] } },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
