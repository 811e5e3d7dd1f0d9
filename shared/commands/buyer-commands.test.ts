/**
 * The identity fields of `createBuyer` / `updateBuyer`: SIRET must belong to the SIREN, NAF must follow the
 * 2 digits . 2 digits + letter model, valid values are stored normalised, and the grade stays within 1–10.
 *
 * Identifiers used (Luhn sums checked by hand, from the right, every second digit doubled):
 * - SIREN 732 829 320: digits from the right 0, 2×2=4, 3, 9×2=18→9, 2, 8×2=16→7, 2, 3×2=6, 7 → sum 40, valid;
 *   its head office SIRET 732 829 320 00074 has a Luhn sum of 50 (valid).
 * - SIRET 443 061 841 00047 (another company, SIREN 443 061 841): sum 50 → a valid SIRET of another SIREN.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Command, CommandContext } from './define';
import { createMemoryStore } from './memory-store';
import type { MemoryStore } from './memory-store';
import { createBuyer, updateBuyer } from './buyer-commands';

const NOW = '2026-03-01T09:00:00.000Z';

async function run(store: MemoryStore, command: Command<string, z.ZodType>, args: unknown) {
  const parsed = command.args.safeParse(args);
  if (!parsed.success) return { ok: false as const, code: 'invalid-args', fr: '' };
  const ctx: CommandContext = { reader: store.reader, actor: 'test', clientId: 'c1', now: NOW };
  const result = await command.execute(ctx, parsed.data);
  if (!result.ok) {
    return { ok: false as const, code: result.rejected.code, fr: result.rejected.message.fr };
  }
  store.apply(result.changes, NOW);
  return { ok: true as const };
}

function storedBuyer(store: MemoryStore, id: string) {
  return store.rows('buyers').find((row) => row.id === id);
}

describe('createBuyer identity fields', () => {
  it('rejects a SIRET that does not belong to the SIREN, with the reason in French', async () => {
    const store = createMemoryStore();
    const result = await run(store, createBuyer, {
      id: 'b1',
      name: 'Dupont SA',
      siren: '732829320',
      siret: '44306184100047',
    });
    expect(result).toEqual({
      ok: false,
      code: 'invalid',
      fr: "Le SIRET 44306184100047 n'appartient pas au SIREN 732829320 : ses neuf premiers chiffres doivent être le SIREN.",
    });
    expect(store.rows('buyers')).toHaveLength(0);
  });

  it('rejects a malformed NAF code', async () => {
    const store = createMemoryStore();
    const result = await run(store, createBuyer, { id: 'b1', name: 'Dupont SA', naf: '6202' });
    expect(result.ok).toBe(false);
    expect(result.code).toBe('invalid');
    expect(result.fr).toContain("Un code NAF s'écrit 4 chiffres puis une lettre");
  });

  it('stores SIREN, SIRET and NAF normalised', async () => {
    const store = createMemoryStore();
    const result = await run(store, createBuyer, {
      id: 'b1',
      name: 'Dupont SA',
      siren: '732 829 320',
      siret: '732 829 320 00074',
      naf: '62 02 a',
    });
    expect(result.ok).toBe(true);
    expect(storedBuyer(store, 'b1')).toMatchObject({
      siren: '732829320',
      siret: '73282932000074',
      naf: '62.02A',
    });
  });

  it('refuses a grade outside 1–10 at the schema', async () => {
    const store = createMemoryStore();
    expect((await run(store, createBuyer, { id: 'b1', name: 'A', grade: 11 })).code).toBe('invalid-args');
    expect((await run(store, createBuyer, { id: 'b2', name: 'B', grade: 0 })).code).toBe('invalid-args');
    expect((await run(store, createBuyer, { id: 'b3', name: 'C', grade: 2.5 })).code).toBe('invalid-args');
    expect((await run(store, createBuyer, { id: 'b4', name: 'D', grade: 10 })).ok).toBe(true);
  });
});

describe('updateBuyer identity fields', () => {
  it('checks a new SIRET against the SIREN already stored', async () => {
    const store = createMemoryStore();
    await run(store, createBuyer, { id: 'b1', name: 'Dupont SA', siren: '732829320' });
    const wrong = await run(store, updateBuyer, { id: 'b1', patch: { siret: '44306184100047' } });
    expect(wrong.ok).toBe(false);
    expect(wrong.fr).toContain("n'appartient pas au SIREN 732829320");
    const right = await run(store, updateBuyer, { id: 'b1', patch: { siret: '732 829 320 00074' } });
    expect(right.ok).toBe(true);
    expect(storedBuyer(store, 'b1')?.siret).toBe('73282932000074');
  });

  it('rejects a SIREN with a wrong check digit and keeps the stored one', async () => {
    const store = createMemoryStore();
    await run(store, createBuyer, { id: 'b1', name: 'Dupont SA', siren: '732829320' });
    const result = await run(store, updateBuyer, { id: 'b1', patch: { siren: '732829321' } });
    expect(result.ok).toBe(false);
    expect(result.fr).toBe(
      "La clé du SIREN 732829321 est fausse : vérifiez qu'aucun chiffre n'a été mal recopié.",
    );
    expect(storedBuyer(store, 'b1')?.siren).toBe('732829320');
  });

  it('refuses a grade of 11 in a patch', async () => {
    const store = createMemoryStore();
    await run(store, createBuyer, { id: 'b1', name: 'Dupont SA' });
    expect((await run(store, updateBuyer, { id: 'b1', patch: { grade: 11 } })).code).toBe('invalid-args');
  });
});
