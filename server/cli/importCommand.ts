import { parseArgs } from 'node:util';
import { ImportError } from '../../shared/import/ImportError';
import { importWarningText, whereIn } from '../../shared/import/importTexts';
import type { PlainPlan } from '../../shared/plan/types';
import { readPlanFile } from '../import/readPlanFile';
import type { Command } from './Command';
import { readInputFile } from './readInputFile';

const USAGE = 'usage: planbord import FILE [--json]\n  FILE is a Word document (.docx), the plan text format or a CSV table, told apart by what it holds.';

// The plain form with its keys in the documented order, whatever the parser's objects hold.
export const plainForm = (plan: PlainPlan): PlainPlan => ({
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
  summary: 'read a plan document (Word, text or CSV) and print what it holds (--json: its plain form); writes nothing',
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
    const bytes = readInputFile('import', file, env, io);
    if (!bytes) return 2;
    try {
      const { document, warnings, format } = await readPlanFile(bytes);
      const { plan } = document;
      if (parsed.values.json) io.out(JSON.stringify(plainForm(plan), null, 2));
      else {
        const items = plan.directions.reduce((n, d) => n + d.items.length, 0);
        io.out(`${plan.title || '(no title)'} (${format}): ${plan.directions.length} directions, ${items} items. Nothing was written.`);
        for (const d of plan.directions) io.out(`  ${d.title}: ${d.items.length} items`);
        for (const w of warnings) io.out(`warning: ${w.where ? `${whereIn('en', w.where)}: ` : ''}${importWarningText('en', w)}`);
      }
      return 0;
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      io.err(err.message);
      return 1;
    }
  },
};
