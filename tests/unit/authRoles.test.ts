import { describe, expect, it } from 'vitest';
import { CAPABILITIES, can, documentAccess, PERMISSIONS, ROLE_LABELS, ROLES } from '../../shared/auth/roles';

describe('the role table', () => {
  it('lets the board edit the plan and the forum only read and comment', () => {
    expect(can('styrelse', 'plan.write')).toBe(true);
    expect(can('tjanstepersonforum', 'plan.write')).toBe(false);
    expect(can('tjanstepersonforum', 'plan.read')).toBe(true);
    expect(can('tjanstepersonforum', 'comment')).toBe(true);
    for (const admin of ['people.manage', 'snapshots.manage', 'export', 'audit.read'] as const) {
      expect([admin, can('styrelse', admin), can('tjanstepersonforum', admin), can('kansli', admin)]).toEqual([admin, false, false, true]);
    }
  });

  it('gives the secretariat everything the board has', () => {
    for (const capability of PERMISSIONS.styrelse) expect(can('kansli', capability)).toBe(true);
    expect(CAPABILITIES.every((c) => can('kansli', c))).toBe(true);
  });

  it('makes plan documents writable for board and secretariat only, and the discussion for nobody', () => {
    expect(ROLES.map((r) => documentAccess(r, 'plan/2025'))).toEqual([
      { canRead: true, canWrite: true },
      { canRead: true, canWrite: false },
      { canRead: true, canWrite: true },
    ]);
    for (const role of ROLES) {
      expect(documentAccess(role, 'discussion/2025')).toEqual({ canRead: true, canWrite: false });
      expect(documentAccess(role, 'planetary/2025').canRead).toBe(false);
      expect(documentAccess(role, 'people/2025')).toEqual({ canRead: false, canWrite: false });
    }
  });

  it('names every role in Swedish and English', () => {
    expect(ROLES.map((r) => ROLE_LABELS[r].sv)).toEqual(['Styrelse', 'Tjänstepersonforum', 'Kansli']);
    expect(ROLES.every((r) => ROLE_LABELS[r].en.length > 0)).toBe(true);
  });
});
