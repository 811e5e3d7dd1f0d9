import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../../shared/backup/format';
import { ok, type EncoursApi } from '../../shared/ipc/contract';
import { base64ToBytes } from '../platform/base64';
import {
  isBackupDue,
  outcomeOf,
  startBackupScheduler,
  writeAutoBackupNow,
  type BackupRunOutcome,
  type Every,
} from './backup-scheduler';

const t = (hhmm: string): Date => new Date(`2026-11-25T${hhmm}:00Z`);
const HOUR = 3_600_000;
const TEN_MINUTES = 600_000;

describe('isBackupDue (interval 1 h, retry 10 min)', () => {
  it.each<[string, Date | null, Date | null, string, boolean]>([
    ['never backed up', null, null, '09:00', true],
    ['59 minutes after the last success', t('09:00'), null, '09:59', false],
    ['exactly one hour after', t('09:00'), null, '10:00', true],
    ['three hours after (the laptop slept)', t('09:00'), null, '12:00', true],
    ['the clock moved back before the last success', t('09:00'), null, '08:30', true],
    ['5 minutes after a failure', t('07:00'), t('09:00'), '09:05', false],
    ['10 minutes after a failure', t('07:00'), t('09:00'), '09:10', true],
    ['a first attempt that failed 2 minutes ago', null, t('09:00'), '09:02', false],
    ['a failure "in the future" (clock moved back)', t('07:00'), t('09:00'), '08:00', true],
  ])('%s → %s', (_, lastSuccessAt, lastFailureAt, now, due) => {
    expect(
      isBackupDue({ lastSuccessAt, lastFailureAt }, t(now), { intervalMs: HOUR, retryMs: TEN_MINUTES }),
    ).toBe(due);
  });
});

describe('outcomeOf', () => {
  it.each([
    [{ ok: true, data: {} }, 'ok'],
    [{ ok: false, error: { code: 'not-supported', message: '' } }, 'not-supported'],
    [{ ok: false, error: { code: 'io-error', message: '' } }, 'failed'],
  ] as const)('%j → %s', (result, outcome) => {
    expect(outcomeOf(result)).toBe(outcome);
  });
});

/** A manual timer: `fire()` runs the registered callback, as setInterval would. */
function manualTimer(): { every: Every; fire: () => void; cancelled: () => boolean } {
  let callback: (() => void) | null = null;
  let isCancelled = false;
  return {
    every: (cb) => {
      callback = cb;
      return () => {
        isCancelled = true;
      };
    },
    fire: () => callback?.(),
    cancelled: () => isCancelled,
  };
}

describe('startBackupScheduler', () => {
  it('backs up at the first check, then once an hour, retrying 10 minutes after a failure', async () => {
    let clock = t('09:00');
    const outcomes: BackupRunOutcome[] = ['ok', 'failed', 'ok'];
    const run = vi.fn(() => Promise.resolve(outcomes.shift() ?? 'ok'));
    const timer = manualTimer();
    const scheduler = startBackupScheduler({ run, now: () => clock, every: timer.every });
    const at = async (hhmm: string): Promise<void> => {
      clock = t(hhmm);
      await scheduler.tick();
    };
    await at('09:00'); // first: ok
    await at('09:30');
    await at('10:00'); // due: fails
    await at('10:05'); // within the retry delay
    await at('10:10'); // retried: ok
    await at('10:50');
    expect(run).toHaveBeenCalledTimes(3);
    await at('11:10');
    expect(run).toHaveBeenCalledTimes(4);
    scheduler.stop();
    expect(timer.cancelled()).toBe(true);
  });

  it('never runs two backups at once', async () => {
    let finish: (outcome: BackupRunOutcome) => void = () => undefined;
    const run = vi.fn(
      () =>
        new Promise<BackupRunOutcome>((resolve) => {
          finish = resolve;
        }),
    );
    const scheduler = startBackupScheduler({ run, now: () => t('09:00'), every: manualTimer().every });
    const first = scheduler.tick();
    await scheduler.tick();
    finish('ok');
    await first;
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('stops for good when automatic backups are not supported (browser mode)', async () => {
    let clock = t('09:00');
    const run = vi.fn(() => Promise.resolve<BackupRunOutcome>('not-supported'));
    const timer = manualTimer();
    const scheduler = startBackupScheduler({ run, now: () => clock, every: timer.every });
    await scheduler.tick();
    clock = t('12:00');
    timer.fire();
    await scheduler.tick();
    expect(run).toHaveBeenCalledTimes(1);
    expect(timer.cancelled()).toBe(true);
  });

  it('counts a thrown error as a failure and keeps going', async () => {
    let clock = t('09:00');
    const run = vi
      .fn<() => Promise<BackupRunOutcome>>()
      .mockRejectedValueOnce(new Error('QuotaExceededError'))
      .mockResolvedValue('ok');
    const scheduler = startBackupScheduler({ run, now: () => clock, every: manualTimer().every });
    await scheduler.tick();
    clock = t('09:10');
    await scheduler.tick();
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('writeAutoBackupNow', () => {
  it('exports the workspace and hands main a valid backup for that workspace id', async () => {
    const db = new Dexie('encours-scheduler-test');
    db.version(1).stores({ buyers: 'id' });
    await db.table('buyers').add({ id: 'b1', name: 'Alpha' });
    const sent: { workspaceId: string; base64: string }[] = [];
    const api: Pick<EncoursApi, 'writeAutoBackup'> = {
      writeAutoBackup: (args) => {
        sent.push(args);
        return Promise.resolve(ok({ path: '/x', kept: 1 }));
      },
    };
    const result = await writeAutoBackupNow(api, db, { id: 'ws-1', name: 'Durand' }, '0.1.0', t('09:00'));
    expect(result).toEqual({ ok: true, data: { path: '/x', kept: 1 } });
    expect(sent.map((s) => s.workspaceId)).toEqual(['ws-1']);
    const parsed = await parseBackup(base64ToBytes(sent[0]?.base64 ?? ''));
    expect(parsed.ok && parsed.backup.tables).toEqual({ buyers: [{ id: 'b1', name: 'Alpha' }] });
    expect(parsed.ok && parsed.backup.createdAt).toBe('2026-11-25T09:00:00.000Z');
    db.close();
    await Dexie.delete('encours-scheduler-test');
  });
});
