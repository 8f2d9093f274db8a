import type { ConfigScope } from '../config.js';
import type { Runtime } from '../runtime.js';
import type { CliIo } from './io.js';

/** One `aigov <command>`: what it is called, what it needs configured, and what it does. */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly scope: ConfigScope;
  run(args: string[], rt: Runtime, io: CliIo): Promise<number>;
}
