// npm's `prepare` step. It runs after `npm ci` / `npm install` in this folder, and also each time
// `npx aigov` installs this folder into npm's cache to run its bin (npm 10 and later do that for a
// project's own bin). A full install compiles the TypeScript; a production install
// (`npm ci --omit=dev`, as in the Docker image) has no compiler, so it uses the dist/ built before or
// says how to get one, instead of failing with `tsc: not found`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

let hasCompiler = true;
try {
  createRequire(import.meta.url).resolve('typescript/package.json');
} catch {
  hasCompiler = false;
}
if (hasCompiler) {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(built.status ?? 1);
}
if (fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) {
  process.stdout.write('aigov: production install; using the compiled code already in dist/\n');
  process.exit(0);
}
process.stderr.write('aigov: dist/ is missing and the TypeScript compiler is not installed (npm ci --omit=dev). '
  + 'Build first with `npm ci && npm run build`, then `npm prune --omit=dev`; see README.md "Install".\n');
process.exit(1);
