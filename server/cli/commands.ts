import { backupCommand } from './backupCommand';
import type { Command } from './Command';
import { exportCommand } from './exportCommand';
import { importCommand } from './importCommand';
import { migrateCommand } from './migrateCommand';
import { planCommand } from './planCommand';
import { snapshotCommand } from './snapshotCommand';
import { userCommand } from './userCommand';

/** Every `planbord` command; a new command is one file in server/cli and one entry here. */
export const COMMANDS: Command[] = [importCommand, planCommand, exportCommand, userCommand, snapshotCommand, backupCommand, migrateCommand];
