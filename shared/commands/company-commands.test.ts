import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Command, CommandContext } from './define';
import { COMPANY_ROW_ID } from './entities';
import { createMemoryStore } from './memory-store';
import type { MemoryStore } from './memory-store';
import { commands } from './registry';

const NOW = '2026-11-25T08:30:00.000Z';

async function run(store: MemoryStore, args: unknown) {
  const command: Command<string, z.ZodType> = commands.setCompany;
  const parsed = command.args.safeParse(args);
  if (!parsed.success) return { ok: false as const, code: 'invalid-args' };
  const ctx: CommandContext = { reader: store.reader, actor: 'marie', clientId: 'c1', now: NOW };
  const result = await command.execute(ctx, parsed.data);
  if (!result.ok) return { ok: false as const, code: result.rejected.code, message: result.rejected.message };
  store.apply(result.changes, NOW);
  return { ok: true as const };
}

const IDENTITY = {
  name: 'Atelier Durand SAS',
  // 732 829 320: Luhn over 7 3 2 8 2 9 3 2 0, doubling every second digit from the right:
  // 0 + 4 + 3 + 9 (18) + 2 + 7 (16) + 2 + 6 + 7 = 40 ≡ 0 (mod 10) → a valid key.
  siren: '732 829 320',
  address: { street: '12 rue des Forges', postalCode: '69007', city: 'Lyon' },
  contact: { name: 'Claire Durand', role: 'Directrice financière', email: 'c.durand@example.fr' },
  policyNumber: 'POL-2026-0042',
  insurerName: 'Allianz Trade',
};

describe('setCompany', () => {
  it('stores the identity as the singleton row, the SIREN without spaces', async () => {
    const store = createMemoryStore();
    expect(await run(store, { company: IDENTITY, baseVersion: 0 })).toEqual({ ok: true });
    expect(store.rows('company')).toEqual([
      { ...IDENTITY, siren: '732829320', id: COMPANY_ROW_ID, version: 1, updatedAt: NOW },
    ]);
  });

  it('refuses a SIREN whose check digit is wrong, and writes nothing', async () => {
    const store = createMemoryStore();
    const result = await run(store, { company: { ...IDENTITY, siren: '732829321' }, baseVersion: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('invalid');
    expect(store.rows('company')).toEqual([]);
  });

  it('clears the optional fields a later save leaves out', async () => {
    const store = createMemoryStore();
    await run(store, { company: IDENTITY, baseVersion: 0 });
    expect(await run(store, { company: { name: 'Atelier Durand SAS', siren: '' }, baseVersion: 1 })).toEqual({
      ok: true,
    });
    expect(store.rows('company')).toEqual([
      { name: 'Atelier Durand SAS', id: COMPANY_ROW_ID, version: 2, updatedAt: NOW },
    ]);
  });

  it('refuses a save made over an older version (a teammate saved meanwhile)', async () => {
    const store = createMemoryStore();
    await run(store, { company: IDENTITY, baseVersion: 0 });
    const stale = await run(store, { company: { ...IDENTITY, name: 'Autre' }, baseVersion: 0 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.code).toBe('conflict');
    expect(store.rows('company')[0]?.name).toBe('Atelier Durand SAS');
  });

  it('requires a name', async () => {
    const store = createMemoryStore();
    expect((await run(store, { company: { name: '  ' }, baseVersion: 0 })).ok).toBe(false);
  });
});
