import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autoBackupNames,
  listAutoBackups,
  parseAutoBackupName,
  planRotation,
  readAutoBackup,
  writeAutoBackup,
} from './auto-backup';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'encours-auto-backup-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const at = (iso: string): Date => new Date(iso);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('autoBackupNames / parseAutoBackupName', () => {
  it.each([
    ['2026-11-25T09:30:00Z', 'hourly-20261125-09.encours-backup', 'daily-20261125.encours-backup'],
    ['2026-01-01T00:00:00Z', 'hourly-20260101-00.encours-backup', 'daily-20260101.encours-backup'],
    ['2026-12-31T23:59:59Z', 'hourly-20261231-23.encours-backup', 'daily-20261231.encours-backup'],
    // 01:30 in Paris during summer time is 23:30 UTC the day before: names are UTC.
    ['2026-07-01T01:30:00+02:00', 'hourly-20260630-23.encours-backup', 'daily-20260630.encours-backup'],
  ])('at %s names %s and %s', (now, hourly, daily) => {
    expect(autoBackupNames(at(now))).toEqual({ hourly, daily });
  });

  it.each([
    ['hourly-20261125-09.encours-backup', 'hourly', '2026-11-25T09:00:00.000Z'],
    ['daily-20261125.encours-backup', 'daily', '2026-11-25T00:00:00.000Z'],
  ])('reads %s back', (file, kind, start) => {
    expect(parseAutoBackupName(file)).toEqual({ kind, periodStart: at(start) });
  });

  it.each([
    'notes.txt',
    'hourly-20261125-09.encours-backup.tmp',
    '.hourly-20261125-09.encours-backup.1234.tmp',
    'hourly-20261340-09.encours-backup',
    'hourly-20261125-24.encours-backup',
    'daily-2026112.encours-backup',
    'weekly-20261125.encours-backup',
  ])('ignores %s', (file) => {
    expect(parseAutoBackupName(file)).toBeNull();
  });
});

describe('planRotation', () => {
  const now = at('2026-11-25T09:30:00Z');
  const hourly = (day: number, hour: number): string =>
    `hourly-202611${String(day).padStart(2, '0')}-${String(hour).padStart(2, '0')}.encours-backup`;
  const daily = (day: number): string => `daily-202611${String(day).padStart(2, '0')}.encours-backup`;

  it('keeps the newest N of each kind and removes the rest', () => {
    const files = [
      hourly(25, 9),
      hourly(25, 8),
      hourly(25, 7),
      hourly(24, 23),
      daily(25),
      daily(24),
      daily(23),
    ];
    expect(planRotation(files, now, 2)).toEqual({
      keep: [hourly(25, 9), hourly(25, 8), daily(25), daily(24)],
      remove: [hourly(25, 7), hourly(24, 23), daily(23)],
    });
  });

  it('sorts by period, not by the order the folder lists them', () => {
    const files = [daily(3), hourly(1, 5), daily(20), hourly(24, 23), hourly(2, 0), daily(9)];
    expect(planRotation(files, now, 1)).toEqual({
      keep: [hourly(24, 23), daily(20)],
      remove: [hourly(2, 0), hourly(1, 5), daily(9), daily(3)],
    });
  });

  it('keeps everything while there are at most N of a kind', () => {
    expect(planRotation([hourly(25, 9), daily(25)], now, 24)).toEqual({
      keep: [hourly(25, 9), daily(25)],
      remove: [],
    });
  });

  it('never plans to delete a file it did not name', () => {
    const plan = planRotation(['notes.txt', 'export.encours-backup', hourly(25, 9)], now, 1);
    expect(plan).toEqual({ keep: [hourly(25, 9)], remove: [] });
  });

  it("always keeps the current period's files, even when the clock went back", () => {
    // Files from December exist, but the clock now says 25 November: the file just written survives.
    const files = ['hourly-20261201-10.encours-backup', 'hourly-20261201-11.encours-backup', hourly(25, 9)];
    expect(planRotation(files, now, 2)).toEqual({
      keep: [hourly(25, 9), 'hourly-20261201-11.encours-backup'],
      remove: ['hourly-20261201-10.encours-backup'],
    });
  });
});

describe('writeAutoBackup', () => {
  it("writes the hour's file and, the first time that day, the day's file", async () => {
    const first = await writeAutoBackup(root, 'ws-1', bytes('v1'), at('2026-11-25T09:05:00Z'), 24);
    const folder = path.join(root, 'ws-1');
    expect(first).toEqual({ path: path.join(folder, 'hourly-20261125-09.encours-backup'), kept: 2 });
    // Same hour: the hour's file is overwritten; the day's file keeps the day's first state.
    await writeAutoBackup(root, 'ws-1', bytes('v2'), at('2026-11-25T09:50:00Z'), 24);
    const third = await writeAutoBackup(root, 'ws-1', bytes('v3'), at('2026-11-25T10:01:00Z'), 24);
    expect(third.kept).toBe(3);
    expect(readdirSync(folder).sort()).toEqual([
      'daily-20261125.encours-backup',
      'hourly-20261125-09.encours-backup',
      'hourly-20261125-10.encours-backup',
    ]);
    expect(readFileSync(path.join(folder, 'hourly-20261125-09.encours-backup'), 'utf8')).toBe('v2');
    expect(readFileSync(path.join(folder, 'hourly-20261125-10.encours-backup'), 'utf8')).toBe('v3');
    expect(readFileSync(path.join(folder, 'daily-20261125.encours-backup'), 'utf8')).toBe('v1');
  });

  it('rotates: 30 hourly writes over two days with keep 3 leave 3 hourly and 2 daily files', async () => {
    for (let h = 0; h < 30; h += 1) {
      const now = new Date(Date.UTC(2026, 10, 25, 0, 15) + h * 3_600_000);
      await writeAutoBackup(root, 'ws-1', bytes(`h${h}`), now, 3);
    }
    // Last write at 2026-11-26 05:15 UTC.
    expect(readdirSync(path.join(root, 'ws-1')).sort()).toEqual([
      'daily-20261125.encours-backup',
      'daily-20261126.encours-backup',
      'hourly-20261126-03.encours-backup',
      'hourly-20261126-04.encours-backup',
      'hourly-20261126-05.encours-backup',
    ]);
  });

  it('leaves other files in the folder alone', async () => {
    const folder = path.join(root, 'ws-1');
    await writeAutoBackup(root, 'ws-1', bytes('a'), at('2026-11-25T09:00:00Z'), 1);
    writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    await writeAutoBackup(root, 'ws-1', bytes('b'), at('2026-11-26T09:00:00Z'), 1);
    expect(readdirSync(folder).sort()).toEqual([
      'daily-20261126.encours-backup',
      'hourly-20261126-09.encours-backup',
      'notes.txt',
    ]);
  });

  it.each(['../escape', 'a/b', 'a\\b', '', '.', '..', 'x'.repeat(65), 'ws 1'])(
    'refuses the workspace id %j without touching the disk',
    async (id) => {
      await expect(writeAutoBackup(root, id, bytes('x'), at('2026-11-25T09:00:00Z'), 3)).rejects.toThrow();
      expect(readdirSync(root)).toEqual([]);
    },
  );
});

describe('listAutoBackups / readAutoBackup', () => {
  it('lists newest first with kind, period and size, and nothing for an unknown workspace', async () => {
    await writeAutoBackup(root, 'ws-1', bytes('12345'), at('2026-11-25T09:00:00Z'), 24);
    await writeAutoBackup(root, 'ws-1', bytes('1234567'), at('2026-11-25T10:00:00Z'), 24);
    expect(await listAutoBackups(root, 'ws-1')).toEqual([
      {
        file: 'hourly-20261125-10.encours-backup',
        kind: 'hourly',
        createdAt: '2026-11-25T10:00:00.000Z',
        size: 7,
      },
      {
        file: 'hourly-20261125-09.encours-backup',
        kind: 'hourly',
        createdAt: '2026-11-25T09:00:00.000Z',
        size: 5,
      },
      {
        file: 'daily-20261125.encours-backup',
        kind: 'daily',
        createdAt: '2026-11-25T00:00:00.000Z',
        size: 5,
      },
    ]);
    expect(await listAutoBackups(root, 'ws-2')).toEqual([]);
  });

  it('reads a listed file and nothing else', async () => {
    await writeAutoBackup(root, 'ws-1', bytes('snapshot'), at('2026-11-25T09:00:00Z'), 24);
    writeFileSync(path.join(root, 'secret.txt'), 'no');
    const read = await readAutoBackup(root, 'ws-1', 'hourly-20261125-09.encours-backup');
    expect(read === null ? null : new TextDecoder().decode(read)).toBe('snapshot');
    for (const file of ['../secret.txt', 'hourly-20261125-08.encours-backup', 'notes.txt']) {
      expect(await readAutoBackup(root, 'ws-1', file)).toBeNull();
    }
  });
});
