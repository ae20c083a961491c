import type { Command, CommandIo } from './Command';
import { COMMANDS } from './commands';

const HELP_FLAGS = ['--help', '-h', 'help'];

function help(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: npm run -s planbord -- <command> [arguments]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'planbord <command> --help shows how to use one command.',
  ].join('\n');
}

/** Runs `planbord <command> …` and returns the exit code (2 for a command line it cannot use). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo, commands = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(help(commands));
    return 2;
  }
  if (HELP_FLAGS.includes(name)) {
    io.out(help(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`planbord: unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}. Try --help.`);
    return 2;
  }
  if (args.length === 1 && HELP_FLAGS.includes(args[0])) {
    io.out(`${command.summary}\n${command.usage}`);
    return 0;
  }
  if (env.DATABASE_URL && command.sqliteOnly) {
    // Reading the SQLite file in DATA_DIR instead would show or change another installation.
    io.err(`planbord ${name}: works on the SQLite file in DATA_DIR only, and DATABASE_URL says this installation is in PostgreSQL. Use the app, or unset DATABASE_URL for a SQLite installation.`);
    return 2;
  }
  return command.run(args, env, io);
}
