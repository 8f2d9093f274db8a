#!/usr/bin/env node
// The compiled CLI (npm ci builds it through the prepare script).
import('../dist/src/cli/main.js').then((m) => m.main(process.argv.slice(2))).catch((err) => {
  process.stderr.write(`aigov: ${err && err.message ? err.message : err}\n`);
  process.exit(1);
});
