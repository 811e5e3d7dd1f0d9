/**
 * Data for the Simulateur de prime and the Déclaration de chiffre d'affaires.
 *
 * Reading invoices by issue date: `issueDate` is not indexed (schema-versions.ts keeps invoice indexes few, and
 * a new schema version would collide with other work), but `dueDate` is, and every command refuses an invoice
 * that falls due before it is issued (`checkDueDate`). So the invoices issued from a date on are among those
 * due from that date on: one index range (`dueDate ≥ start`), then a filter on `issueDate`. Credit notes have no
 * date index; they are few, and are read whole and filtered.
 *
 * Saved scenarios live in localStorage keyed by the workspace id: a synced entity (schema, command, server) is
 * too heavy for this release, so scenarios stay on this computer — acceptable for a broker's what-ifs.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { addDays, addMonths } from '../../shared/domain/dates';
import { sumCents } from '../../shared/domain/money';
import {
  turnoverDeclaration,
  type DateRange,
  type DeclarationBuyer,
  type DeclarationCreditNote,
  type DeclarationInvoice,
  type TurnoverDeclaration,
} from '../../shared/domain/turnover-declaration';
import type { Policy } from '../../shared/domain/policy';
import type { BasisPoints, Cents } from '../../shared/domain/types';
import type { AppDB } from '../db/app-db';
import { bytesToBase64 } from '../platform/base64';
import { bridge } from '../platform/bridge';
import { useWorkspace } from './workspace-context';

export type DeclarationSource = {
  readonly invoices: readonly DeclarationInvoice[];
  readonly creditNotes: readonly DeclarationCreditNote[];
  readonly buyers: ReadonlyMap<string, DeclarationBuyer>;
};

/** Invoices issued and credit notes dated from `from` to `to` (inclusive), with their buyers. */
export async function loadDeclarationSource(db: AppDB, from: string, to: string): Promise<DeclarationSource> {
  const invoices = await db.invoices
    .where('dueDate')
    .aboveOrEqual(from)
    .filter((invoice) => invoice.issueDate >= from && invoice.issueDate <= to)
    .toArray();
  const creditNotes = await db.creditNotes.filter((note) => note.date >= from && note.date <= to).toArray();
  const ids = [...new Set([...invoices, ...creditNotes].map((doc) => doc.buyerId))];
  const rows = await db.buyers.bulkGet(ids);
  const buyers = new Map<string, DeclarationBuyer>();
  for (const row of rows) {
    if (row !== undefined) buyers.set(row.id, { name: row.name, country: row.country });
  }
  return { invoices, creditNotes, buyers };
}

/** The declaration of a period, live (recomputed when the ledger changes); `undefined` while loading. */
export function useTurnoverDeclaration(
  range: DateRange,
  policy: Policy | undefined,
): TurnoverDeclaration | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    if (policy === undefined) return undefined;
    const yearStart = `${range.start.slice(0, 4)}-01-01`;
    const source = await loadDeclarationSource(db, yearStart, range.end);
    return turnoverDeclaration({
      range,
      ...source,
      currency: policy.currency,
      premiumRateBp: policy.premiumRateBp,
      minimumPremiumCents: policy.minimumPremiumCents,
    });
  }, [db, range.start, range.end, policy]);
}

/** What the ledger says for the simulator, and over which dates. */
export type LedgerPremiumFigures = {
  readonly range: DateRange;
  /** Invoices HT − credit notes HT of the last 12 months, in the policy currency. */
  readonly turnoverHtCents: Cents;
  readonly exportShareBp: BasisPoints;
  readonly buyerCount: number;
  /** Buyers whose cover rests on a named limit (stored aggregates). */
  readonly namedBuyers: number;
  /** Average of the 12 last month-end receivables (TTC, the stored aggregates' basis). */
  readonly averageMonthEndOutstandingCents: Cents;
  readonly invoiceCount: number;
};

export async function loadLedgerPremiumFigures(
  db: AppDB,
  today: string,
  currency: string,
): Promise<LedgerPremiumFigures> {
  const range: DateRange = { start: addDays(addMonths(today, -12), 1), end: today };
  const source = await loadDeclarationSource(db, range.start, range.end);
  const declaration = turnoverDeclaration({
    range,
    ...source,
    currency,
    premiumRateBp: 0,
    minimumPremiumCents: 0,
  });
  const aggregates = await db.buyerAggregates.toArray();
  const monthEnds: Cents[] = [];
  for (const aggregate of aggregates) {
    aggregate.receivableTtcAtMonthEndCents.forEach((cents, index) => {
      monthEnds[index] = (monthEnds[index] ?? 0) + cents;
    });
  }
  const average = monthEnds.length === 0 ? 0 : Math.round(sumCents(monthEnds) / monthEnds.length);
  const total = declaration.totalCents;
  return {
    range,
    turnoverHtCents: Math.max(0, total),
    exportShareBp: total <= 0 ? 0 : Math.round((declaration.exportCents * 10_000) / total),
    buyerCount: await db.buyers.count(),
    namedBuyers: aggregates.filter((aggregate) => aggregate.limitSource === 'named').length,
    averageMonthEndOutstandingCents: Math.max(0, average),
    invoiceCount: declaration.lines.filter((line) => line.kind === 'invoice').length,
  };
}

/** Reads the ledger's figures on demand (the « Préremplir » button) for the workspace's today and policy. */
export function useLedgerPremiumFigures(): (currency: string) => Promise<LedgerPremiumFigures> {
  const { db, today } = useWorkspace();
  return useCallback((currency: string) => loadLedgerPremiumFigures(db, today, currency), [db, today]);
}

export type StoredScenario<T> = {
  readonly id: string;
  readonly name: string;
  readonly savedAt: string;
  readonly values: T;
};

export function scenarioStorageKey(workspaceId: string): string {
  return `encours.premium-scenarios.${workspaceId}`;
}

/** Stored scenarios, each checked by `parse` (a scenario from an older build that no longer fits is dropped). */
export function readScenarios<T>(
  workspaceId: string,
  parse: (value: unknown) => T | null,
): StoredScenario<T>[] {
  let raw: unknown;
  try {
    raw = JSON.parse(window.localStorage.getItem(scenarioStorageKey(workspaceId)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const scenarios: StoredScenario<T>[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const id: unknown = Reflect.get(entry, 'id');
    const name: unknown = Reflect.get(entry, 'name');
    const savedAt: unknown = Reflect.get(entry, 'savedAt');
    const values = parse(Reflect.get(entry, 'values'));
    if (
      typeof id === 'string' &&
      typeof name === 'string' &&
      typeof savedAt === 'string' &&
      values !== null
    ) {
      scenarios.push({ id, name, savedAt, values });
    }
  }
  return scenarios;
}

export type ScenarioStore<T> = {
  readonly scenarios: readonly StoredScenario<T>[];
  /** Saves under a name; a scenario of the same name is replaced. */
  readonly save: (name: string, values: T) => void;
  readonly remove: (id: string) => void;
};

export function usePremiumScenarios<T>(parse: (value: unknown) => T | null): ScenarioStore<T> {
  const { db } = useWorkspace();
  const workspaceId = db.workspaceId;
  // Bumped by every write: localStorage is not observable, the store re-reads it when told.
  const [revision, setRevision] = useState(0);
  const scenarios = useMemo(
    () => (revision >= 0 ? readScenarios(workspaceId, parse) : []),
    [workspaceId, parse, revision],
  );
  const write = useCallback(
    (next: StoredScenario<T>[]) => {
      window.localStorage.setItem(scenarioStorageKey(workspaceId), JSON.stringify(next));
      setRevision((value) => value + 1);
    },
    [workspaceId],
  );
  const save = useCallback(
    (name: string, values: T) => {
      const current = readScenarios(workspaceId, parse).filter((s) => s.name !== name);
      write([...current, { id: crypto.randomUUID(), name, savedAt: new Date().toISOString(), values }]);
    },
    [workspaceId, parse, write],
  );
  const remove = useCallback(
    (id: string) => {
      write(readScenarios(workspaceId, parse).filter((s) => s.id !== id));
    },
    [workspaceId, parse, write],
  );
  return { scenarios, save, remove };
}

export type SaveOutcome =
  { readonly ok: true; readonly savedAs: string | null } | { readonly ok: false; readonly message: string };

/** Saves a text file through the platform bridge (a download in the browser, a save dialog on the desktop). */
export async function saveTextFile(
  suggestedName: string,
  mimeType: string,
  text: string,
): Promise<SaveOutcome> {
  const saved = await bridge.saveFile({
    suggestedName,
    mimeType,
    base64: bytesToBase64(new TextEncoder().encode(text)),
  });
  if (!saved.ok) return { ok: false, message: saved.error.message };
  return { ok: true, savedAs: saved.data?.savedAs ?? null };
}
