import type { CliCommand } from '../command.js';
import { migrateCommand } from './migrate.js';
import { sweepCommand } from './sweep.js';
import { digestCommand } from './digest.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { reclassifyCommand } from './reclassify.js';

export const COMMANDS: readonly CliCommand[] = [migrateCommand, sweepCommand, digestCommand, exportCommand, importCommand, reclassifyCommand];
