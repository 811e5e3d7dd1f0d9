/**
 * Turns a conflict's two sides into lines a finance user can read: "what you wanted" from the command's
 * arguments, "what the server kept" from the server's rows. Amounts in cents become euros, basis points
 * percentages, ISO dates French dates; technical fields (ids, versions, guards) are left out.
 */
import { formatDate, formatMoney, formatNumber } from '../../lib/format';

export type FieldLine = { readonly key: string; readonly value: string };
/** One row's fields; `entity` is set for the server's rows (a conflict may return several). */
export type ValueBlock = { readonly entity?: string; readonly lines: readonly FieldLine[] };

/** Bookkeeping the user never typed: identifiers, versions, guards, search keys. */
const HIDDEN_FIELDS = new Set([
  'id',
  'buyerId',
  'invoiceId',
  'claimId',
  'baseVersion',
  'version',
  'updatedAt',
  'nameKey',
  'limitHistoryVersion',
]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatFieldValue(key: string, value: unknown, words: { yes: string; no: string }): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (key.endsWith('Cents') && Number.isInteger(value)) return formatMoney(value);
    if (key.endsWith('Bp')) return `${formatNumber(value / 100)} %`;
    return formatNumber(value);
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDate(value) : value;
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function linesOf(fields: Readonly<Record<string, unknown>>, words: { yes: string; no: string }): FieldLine[] {
  return Object.entries(fields)
    .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && value !== undefined)
    .map(([key, value]) => ({ key, value: formatFieldValue(key, value, words) }));
}

/** The fields the user entered: a decision, a policy, a patch, or the arguments themselves. */
export function wantedBlock(args: unknown, words: { yes: string; no: string }): ValueBlock {
  if (!isRecord(args)) return { lines: [] };
  for (const key of ['decision', 'policy', 'patch'] as const) {
    const inner = args[key];
    if (isRecord(inner)) return { lines: linesOf(inner, words) };
  }
  return { lines: linesOf(args, words) };
}

/** The server's rows, one block each (a deletion has no lines). */
export function serverBlocks(changes: readonly unknown[], words: { yes: string; no: string }): ValueBlock[] {
  return changes.flatMap((change) => {
    if (!isRecord(change) || typeof change['entity'] !== 'string') return [];
    const fields = change['fields'];
    return [{ entity: change['entity'], lines: isRecord(fields) ? linesOf(fields, words) : [] }];
  });
}
