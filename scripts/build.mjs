// Builds the packages in dependency order: `npm run build --workspaces` would go in
// folder order (toolchain.md, trap 5), and each package's types need its dependencies' dist.
import { execFileSync } from 'node:child_process';

const order = ['core', 'adapter-kit', 'adapter-canonical', 'adapter-dfe-ees', 'adapter-ctf', 'adapter-bromcom', 'adapter-wonde', 'adapter-arbor', 'adapter-sims', 'reports', 'cli'];
for (const name of order) {
  process.stdout.write(`build: packages/${name}\n`);
  execFileSync('npm', ['run', 'build', '--silent', '-w', `packages/${name}`], { stdio: 'inherit' });
}
