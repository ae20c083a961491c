import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { planbord as run, root } from '../helpers/planbordCli';

const seedPath = join(root, 'seed', 'verksamhetsplan-2025.txt');
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'plan-text', name);
const work = mkdtempSync(join(tmpdir(), 'planbord-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const planbord = (...args: string[]) => run({ cwd: work, dataDir: join(work, 'data') }, ...args);

describe('planbord import', () => {
  it('prints the plain form of the 2025 plan as JSON and nothing else', async () => {
    const { code, stdout, stderr } = await planbord('import', seedPath, '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const plain = JSON.parse(stdout);
    expect(plain).toEqual(parsePlanDocument(readFileSync(seedPath)).plan);
    expect(Object.keys(plain)).toEqual(['title', 'year', 'directions']);
    expect(plain.directions.map((d: { items: unknown[] }) => d.items.length)).toEqual([11, 12, 14]);
    expect(Object.keys(plain.directions[0].items[0])).toEqual(['activity', 'how', 'who', 'when', 'status', 'statusNote', 'priority']);
    expect(stdout).toContain('\n  "directions": [\n');
    expect(readdirSync(work)).toEqual([]);
  });

  it('reads a file named relative to the folder the command was typed in', async () => {
    writeFileSync(join(work, 'plan.txt'), readFileSync(seedPath));
    const { code, stdout } = await planbord('import', 'plan.txt', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).title).toBe('Verksamhetsplan 2025');
    rmSync(join(work, 'plan.txt'));
  });

  it('refuses a malformed document with the line on stderr and a non-zero exit', async () => {
    const { code, stdout, stderr } = await planbord('import', fixture('bad-priority.txt'), '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('line 15: priority "x" must be 1, 2, 3 or empty');
  });

  it('refuses a file that is not UTF-8 the same way', async () => {
    const { code, stderr } = await planbord('import', fixture('not-utf8.txt'), '--json');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^line 9: the file is not UTF-8/);
  });

  it('says so and exits 2 for a file that is not there', async () => {
    const { code, stderr } = await planbord('import', join(work, 'nope.txt'), '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*nope\.txt: no such file/);
  });

  it('says so and exits 2 when the file is not named', async () => {
    const { code, stderr } = await planbord('import', '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/FILE is missing/);
  });

  it('says so and exits 2 for an unknown command', async () => {
    const { code, stdout, stderr } = await planbord('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
    expect(stdout).toBe('');
  });

  it('lists its commands with --help', async () => {
    const { code, stdout } = await planbord('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}import +read a plan document/m);
  });
});
