/** Paths the tests share. */
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT_FOR_TESTS = fileURLToPath(new URL('../../../', import.meta.url));
