import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, PERMISSIONS, ROLES, type Role } from '../../shared/auth/roles';

// docs/sign-in.md tells people what each role may do. The server enforces the role table
// in shared/auth/roles.ts; this reads the documented table so the two cannot drift apart.

const doc = readFileSync(new URL('../../docs/sign-in.md', import.meta.url), 'utf8');

/** The table of capabilities by role under "People and roles": capability → roles marked yes. */
function documentedTable(): { roles: Role[]; granted: Map<string, Set<Role>> } {
  const section = doc.split(/^## /m).find((s) => s.startsWith('People and roles')) ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  const header = rows.find((cells) => cells.some((c) => /\(`\w+`\)/.test(c))) ?? [];
  const roles = header.map((c) => /\(`(\w+)`\)/.exec(c)?.[1]);
  const granted = new Map<string, Set<Role>>();
  for (const cells of rows) {
    const capability = cells.map((c) => /^`([\w.]+)`$/.exec(c)?.[1]).find(Boolean);
    if (!capability) continue;
    const yes = new Set<Role>();
    cells.forEach((cell, i) => {
      const role = roles[i];
      if (role && /^(yes|ja|✓)$/i.test(cell)) yes.add(role as Role);
      else if (role && !/^(—|-|no|nej)$/i.test(cell)) throw new Error(`cell "${cell}" for ${capability}/${role} is neither yes nor —`);
    });
    granted.set(capability, yes);
  }
  return { roles: roles.filter((r): r is Role => r !== undefined) as Role[], granted };
}

describe('the role table in docs/sign-in.md', () => {
  const { roles, granted } = documentedTable();

  it('has a column for each role and a row for each capability the server checks', () => {
    expect(roles).toEqual([...ROLES]);
    expect([...granted.keys()]).toEqual([...CAPABILITIES]);
  });

  it.each([...ROLES])('grants %s exactly what the code grants', (role) => {
    const documented = CAPABILITIES.filter((c) => granted.get(c)?.has(role));
    expect(documented).toEqual(CAPABILITIES.filter((c) => PERMISSIONS[role].includes(c)));
  });
});
