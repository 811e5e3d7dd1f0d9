/**
 * `importLedger`: the one command an import (FEC or CSV) ends with — a bulk upsert of buyers, invoices,
 * payments, credit notes and limit decisions plus the import record.
 *
 * Invariants: rows are keyed by the ids the importer derives from the file (e.g. the buyer's CompAuxNum,
 * the invoice's journal reference), so importing the same file twice writes nothing, and a later export of
 * the same company updates the rows it already holds instead of duplicating them. A row whose fields equal
 * the stored ones yields no change (its `version` does not move). All or nothing: one bad row rejects all.
 *
 * Sync: an import of a real FEC is tens of MB of arguments, far over a push body. `splitForSync` cuts the
 * arguments into parts of ~256 KiB of JSON — buyers first, then limit decisions, then invoices, payments and
 * credit notes — each a valid `importLedger` the server applies after the parts before it (a document may
 * name a buyer stored by an earlier part). Each part carries `part: { index, count, counts }`; only the last
 * one writes the `imports` record, with the counts the CLIENT computed over the whole import, so the record
 * is written once (one version) and equals the client's. A buyer whose decisions fall in two parts gets its
 * limit-history guard bumped twice on the server: still a strictly greater guard, which is all it is for.
 */
import { z } from 'zod';
import { accept, defineCommand, isNoOp, reject, utf8ByteLength } from './define';
import type { Change, CommandResult, Reader } from './define';
import {
  buyerFieldsSchema,
  creditNoteFieldsSchema,
  importFieldsSchema,
  invoiceFieldsSchema,
  limitDecisionFieldsSchema,
  nameKeyOf,
  paymentFieldsSchema,
} from './entities';
import type { EntityName } from './entities';
import { checkDueDate, normaliseSiren } from './validation';

const countsSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
type Counts = z.output<typeof countsSchema>;

/** Which part of a split import these arguments are; absent for an import sent whole. */
const importPartSchema = z
  .object({
    index: z.number().int().nonnegative(),
    count: z.number().int().positive(),
    /** The whole import's counts as the client computed them; stored by the last part. */
    counts: countsSchema.optional(),
  })
  .refine((part) => part.index < part.count, { message: 'index must be below count' });

const importLedgerArgs = z.object({
  import: importFieldsSchema,
  buyers: z.array(buyerFieldsSchema),
  invoices: z.array(invoiceFieldsSchema),
  payments: z.array(paymentFieldsSchema),
  creditNotes: z.array(creditNoteFieldsSchema),
  limitDecisions: z.array(limitDecisionFieldsSchema),
  part: importPartSchema.optional(),
});
export type ImportLedgerArgs = z.output<typeof importLedgerArgs>;
export type ImportPart = z.output<typeof importPartSchema>;

/** Upserts of one entity: a change for each new or different row. */
async function upserts(
  reader: Reader,
  entity: EntityName,
  rows: readonly Readonly<Record<string, unknown> & { id: string }>[],
  counts: Counts,
): Promise<Change[]> {
  const existing = await reader.getMany(
    entity,
    rows.map((row) => row.id),
  );
  const changes: Change[] = [];
  rows.forEach((fields, index) => {
    const stored = existing[index];
    if (isNoOp(stored, fields)) {
      counts.unchanged++;
      return;
    }
    if (stored === undefined) counts.created++;
    else counts.updated++;
    changes.push({ entity, id: fields.id, fields });
  });
  return changes;
}

export const importLedger = defineCommand({
  name: 'importLedger',
  args: importLedgerArgs,
  async execute(ctx, args): Promise<CommandResult> {
    const buyerIds = new Set(args.buyers.map((buyer) => buyer.id));
    const buyers: Record<string, unknown>[] = [];
    for (const buyer of args.buyers) {
      let siren = buyer.siren;
      if (siren !== undefined) {
        const checked = normaliseSiren(siren);
        if (!checked.ok) return checked.result;
        siren = checked.value;
      }
      buyers.push({ ...buyer, ...(siren === undefined ? {} : { siren }), nameKey: nameKeyOf(buyer.name) });
    }
    for (const invoice of args.invoices) {
      const problem = checkDueDate(invoice.issueDate, invoice.dueDate, invoice.number);
      if (problem !== null) return problem;
    }

    // Every document must name a buyer of this import or one already stored.
    const referenced = new Set(
      [...args.invoices, ...args.payments, ...args.creditNotes, ...args.limitDecisions]
        .map((row) => row.buyerId)
        .filter((id) => !buyerIds.has(id)),
    );
    const referencedIds = [...referenced];
    const stored = await ctx.reader.getMany('buyers', referencedIds);
    const missing = referencedIds.filter((_, index) => stored[index] === undefined);
    if (missing.length > 0) {
      return reject(
        'not-found',
        `L'import cite des clients inconnus : ${missing.slice(0, 5).join(', ')}.`,
        `The import names unknown buyers: ${missing.slice(0, 5).join(', ')}.`,
      );
    }

    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const buyerChanges = await upserts(ctx.reader, 'buyers', buyers.map(withId), counts);
    // A new buyer starts its limit history at 0; an existing one keeps its own guard.
    const storedBuyers = await ctx.reader.getMany(
      'buyers',
      buyerChanges.map((change) => change.id),
    );
    const stampedBuyers: Change[] = buyerChanges.map((change, index) =>
      storedBuyers[index] === undefined && 'fields' in change
        ? { ...change, fields: { ...change.fields, limitHistoryVersion: 0 } }
        : change,
    );
    const limitChanges = await upserts(ctx.reader, 'limitDecisions', args.limitDecisions, counts);
    const documentChanges = [
      ...(await upserts(ctx.reader, 'invoices', args.invoices, counts)),
      ...(await upserts(ctx.reader, 'payments', args.payments, counts)),
      ...(await upserts(ctx.reader, 'creditNotes', args.creditNotes, counts)),
    ];

    // Imported limit decisions change the buyer's limit history: bump its guard once.
    // Decision id → buyer, the first decision of an id winning (a lookup per change would be quadratic).
    const decisionBuyer = new Map<string, string>();
    for (const decision of args.limitDecisions)
      if (!decisionBuyer.has(decision.id)) decisionBuyer.set(decision.id, decision.buyerId);
    const bumpedIds = [
      ...new Set(limitChanges.map((change) => decisionBuyer.get(change.id)).filter((id) => id !== undefined)),
    ];
    const bumpedBuyers = await ctx.reader.getMany('buyers', bumpedIds);
    const guardBumps: Change[] = bumpedIds.map((buyerId, index) => ({
      entity: 'buyers',
      id: buyerId,
      fields: { limitHistoryVersion: (bumpedBuyers[index]?.limitHistoryVersion ?? 0) + 1 },
    }));

    const ledgerChanges = [...stampedBuyers, ...limitChanges, ...documentChanges, ...guardBumps];
    const { part } = args;
    // Parts before the last carry rows only: the record is written once, by the last part.
    if (part !== undefined && part.index < part.count - 1) return accept(mergeByRow(ledgerChanges));
    const previous = await ctx.reader.get('imports', args.import.id);
    if (ledgerChanges.length === 0 && previous !== undefined && part === undefined) return accept([]);
    const importChange: Change = {
      entity: 'imports',
      id: args.import.id,
      fields: { ...args.import, counts: part?.counts ?? counts },
    };
    return accept([...mergeByRow(ledgerChanges), importChange]);
  },
  splitForSync(args, changes, maxBytes) {
    return splitImport(args, countsOf(changes, args.import.id), maxBytes);
  },
});

/** The counts of the import record among the changes the client's run produced. */
function countsOf(changes: readonly Change[], importId: string): Counts | undefined {
  const record = changes.find((change) => change.entity === 'imports' && change.id === importId);
  if (record === undefined || !('fields' in record)) return undefined;
  const parsed = countsSchema.safeParse(record.fields['counts']);
  return parsed.success ? parsed.data : undefined;
}

/** Row lists in the order the parts carry them: a row only ever names rows of earlier kinds. */
const PART_ORDER = ['buyers', 'limitDecisions', 'invoices', 'payments', 'creditNotes'] as const;
type PartList = (typeof PART_ORDER)[number];

/** Room left in every part for its `part` field once numbered (`{"index":…,"count":…,"counts":{…}}`). */
const PART_FIELD_BYTES = 200;

/**
 * The parts of an import whose JSON would exceed `maxBytes`, else `[args]` as they are. Rows keep their
 * order and kind order; a part is closed when the next row would take it over `maxBytes` (a single row
 * bigger than that travels alone).
 */
export function splitImport(
  args: ImportLedgerArgs,
  counts: Counts | undefined,
  maxBytes: number,
): ImportLedgerArgs[] {
  const { part: _whole, ...whole } = args;
  const bare = { ...whole, buyers: [], limitDecisions: [], invoices: [], payments: [], creditNotes: [] };
  const overhead = utf8ByteLength(JSON.stringify(bare)) + PART_FIELD_BYTES;
  // Each part as the range of rows it takes from each list.
  type Ranges = Partial<Record<PartList, { from: number; to: number }>>;
  const parts: Ranges[] = [];
  let current: Ranges = {};
  let size = overhead;
  let rows = 0;
  for (const list of PART_ORDER) {
    args[list].forEach((row, index) => {
      // +1 for the comma between array elements.
      const bytes = utf8ByteLength(JSON.stringify(row)) + 1;
      if (rows > 0 && size + bytes > maxBytes) {
        parts.push(current);
        current = {};
        size = overhead;
        rows = 0;
      }
      const range = current[list];
      if (range === undefined) current[list] = { from: index, to: index + 1 };
      else range.to = index + 1;
      size += bytes;
      rows++;
    });
  }
  parts.push(current);
  if (parts.length === 1) return [args];
  return parts.map((ranges, index) => {
    const slice = <T>(list: PartList, all: readonly T[]): T[] => {
      const range = ranges[list];
      return range === undefined ? [] : all.slice(range.from, range.to);
    };
    return {
      import: args.import,
      buyers: slice('buyers', args.buyers),
      limitDecisions: slice('limitDecisions', args.limitDecisions),
      invoices: slice('invoices', args.invoices),
      payments: slice('payments', args.payments),
      creditNotes: slice('creditNotes', args.creditNotes),
      part: { index, count: parts.length, ...(counts === undefined ? {} : { counts }) },
    };
  });
}

function withId(row: Record<string, unknown>): Record<string, unknown> & { id: string } {
  const id = row['id'];
  return { ...row, id: typeof id === 'string' ? id : '' };
}

/** One change per row: a buyer both upserted and guard-bumped becomes one patch (one version bump). */
function mergeByRow(changes: readonly Change[]): Change[] {
  const byKey = new Map<string, Change>();
  for (const change of changes) {
    const key = `${change.entity}\u0000${change.id}`;
    const earlier = byKey.get(key);
    byKey.set(
      key,
      earlier !== undefined && 'fields' in earlier && 'fields' in change
        ? { ...earlier, fields: { ...earlier.fields, ...change.fields } }
        : change,
    );
  }
  return [...byKey.values()];
}
