/**
 * The package version, read from package.json at build time (tsup inlines the JSON).
 *
 * @module
 */
import pkg from '../package.json' with { type: 'json' };

/** `@attendance-kit/cli` version, e.g. `0.1.0`. */
export const VERSION: string = pkg.version;
