import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { alertKey } from '../domain/alerts';
import type { Command, CommandContext } from './define';
import { createMemoryStore } from './memory-store';
import type { MemoryStore } from './memory-store';
import { commands } from './registry';
import type { CommandName } from './registry';

const NOW = '2026-11-25T08:30:00.000Z';

/** Parses and executes like the real runners do, then applies accepted changes to the store. */
async function run(store: MemoryStore, name: CommandName, args: unknown, actor = 'marie') {
  // Widening to the base command type is checked (execute is a method, so its argument is bivariant).
  const command: Command<string, z.ZodType> = commands[name];
  const parsed = command.args.safeParse(args);
  if (!parsed.success) return { ok: false as const, code: 'invalid-args' };
  const ctx: CommandContext = { reader: store.reader, actor, clientId: 'c1', now: NOW };
  const result = await command.execute(ctx, parsed.data);
  if (!result.ok) return { ok: false as const, code: result.rejected.code, message: result.rejected.message };
  store.apply(result.changes, NOW);
  return { ok: true as const };
}

const KEY = alertKey({ code: 'over-limit', buyerId: 'b1' });
const REF = { id: KEY, buyerId: 'b1', code: 'over-limit' };

async function storeWithBuyer(): Promise<MemoryStore> {
  const store = createMemoryStore();
  expect((await run(store, 'createBuyer', { id: 'b1', name: 'SARL Dupont' })).ok).toBe(true);
  return store;
}

describe('acknowledgeAlert', () => {
  it('records who acknowledged the alert and when, under its key', async () => {
    const store = await storeWithBuyer();
    expect((await run(store, 'acknowledgeAlert', { ...REF, note: 'Appel au client' })).ok).toBe(true);
    expect(store.rows('alertStates')).toEqual([
      {
        ...REF,
        note: 'Appel au client',
        acknowledgedAt: NOW,
        by: 'marie',
        version: 1,
        updatedAt: NOW,
      },
    ]);
  });

  it('clears a snooze: an acknowledged alert is no longer snoozed', async () => {
    const store = await storeWithBuyer();
    await run(store, 'snoozeAlert', { ...REF, until: '2026-12-02' });
    await run(store, 'acknowledgeAlert', REF, 'paul');
    const [state] = store.rows('alertStates');
    expect(state?.snoozedUntil).toBeUndefined();
    expect(state?.acknowledgedAt).toBe(NOW);
    expect(state?.by).toBe('paul');
  });

  it('refuses an alert of a buyer that does not exist', async () => {
    const store = createMemoryStore();
    const result = await run(store, 'acknowledgeAlert', REF);
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
    expect(store.rows('alertStates')).toEqual([]);
  });

  it('refuses an unknown alert code', async () => {
    const store = await storeWithBuyer();
    expect(await run(store, 'acknowledgeAlert', { ...REF, code: 'made-up' })).toMatchObject({
      ok: false,
      code: 'invalid-args',
    });
  });
});

describe('snoozeAlert', () => {
  it('stores the date until which the alert is put aside', async () => {
    const store = await storeWithBuyer();
    expect((await run(store, 'snoozeAlert', { ...REF, until: '2026-12-02' })).ok).toBe(true);
    expect(store.rows('alertStates')).toEqual([
      { ...REF, snoozedUntil: '2026-12-02', by: 'marie', version: 1, updatedAt: NOW },
    ]);
  });

  it('refuses a date that is not a calendar date', async () => {
    const store = await storeWithBuyer();
    expect(await run(store, 'snoozeAlert', { ...REF, until: '2026-02-30' })).toMatchObject({
      ok: false,
      code: 'invalid-args',
    });
  });
});

describe('reopenAlert', () => {
  it('deletes the state: the alert is new again', async () => {
    const store = await storeWithBuyer();
    await run(store, 'acknowledgeAlert', REF);
    expect((await run(store, 'reopenAlert', { id: KEY })).ok).toBe(true);
    expect(store.rows('alertStates')).toEqual([]);
  });

  it('refuses to reopen an alert that was neither acknowledged nor snoozed', async () => {
    const store = await storeWithBuyer();
    const result = await run(store, 'reopenAlert', { id: KEY });
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
  });
});
