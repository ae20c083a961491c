import { consoleIo } from './cli/Command';
import { runCli } from './cli/runCli';

// `npm run -s planbord -- <command>`: the commands live in server/cli/commands.ts.
try {
  process.exitCode = await runCli(process.argv.slice(2), process.env, consoleIo);
} catch (err) {
  console.error(`planbord: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
}
