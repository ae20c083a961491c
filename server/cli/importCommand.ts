import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../../shared/import/ImportError';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import type { PlainPlan } from '../../shared/plan/types';
import type { Command } from './Command';

const USAGE = 'usage: planbord import FILE [--json]';

// The plain form with its keys in the documented order, whatever the parser's objects hold.
const plainForm = (plan: PlainPlan): PlainPlan => ({
  title: plan.title,
  year: plan.year,
  directions: plan.directions.map((d) => ({
    title: d.title,
    items: d.items.map(({ activity, how, who, when, status, statusNote, priority }) => ({ activity, how, who, when, status, statusNote, priority })),
  })),
});

/** `planbord import FILE --json`: checks a plan document and prints its plain form; writes nothing. */
export const importCommand: Command = {
  name: 'import',
  summary: 'read a plan document and print what it holds (--json: its plain form); writes nothing',
  usage: USAGE,
  async run(args, env, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    } catch (err) {
      io.err(`planbord import: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length) {
      io.err(`planbord import: ${file ? 'one FILE at a time' : 'which file? FILE is missing'}\n${USAGE}`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      // npm runs scripts in the project folder; INIT_CWD is where the person typed the command.
      bytes = readFileSync(resolve(env.INIT_CWD ?? process.cwd(), file));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      io.err(`planbord import: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
      return 2;
    }
    try {
      const { plan } = parsePlanDocument(bytes);
      if (parsed.values.json) io.out(JSON.stringify(plainForm(plan), null, 2));
      else {
        const items = plan.directions.reduce((n, d) => n + d.items.length, 0);
        io.out(`${plan.title}: ${plan.directions.length} directions, ${items} items. Nothing was written.`);
        for (const d of plan.directions) io.out(`  ${d.title}: ${d.items.length} items`);
      }
      return 0;
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      io.err(err.message);
      return 1;
    }
  },
};
