import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// The bin has no types of its own: only the library entry gets a .d.ts.
export default defineConfig(packageBuild(['src/index.ts', 'src/bin.ts'], ['src/index.ts']));
