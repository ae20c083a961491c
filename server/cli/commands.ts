import type { Command } from './Command';
import { importCommand } from './importCommand';

/** Every `planbord` command; a new command is one file in server/cli and one entry here. */
export const COMMANDS: Command[] = [importCommand];
