// What bin/aigov.js runs, from the sources: process tests spawn this.
import { main } from '../../src/cli/main.js';

await main(process.argv.slice(2));
