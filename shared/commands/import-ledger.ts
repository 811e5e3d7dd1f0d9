/**
 * `importLedger`: the one command an import (FEC or CSV) ends with — a bulk upsert of buyers, invoices,
 * payments, credit notes and limit decisions plus the import record.
 *
 * Invariants: rows are keyed by the ids the importer derives from the file (e.g. the buyer's CompAuxNum,
 * the invoice's journal reference), so importing the same file twice writes nothing, and a later export of
 * the same company updates the rows it already holds instead of duplicating them. A row whose fields equal
 * the stored ones yields no change (its `version` does not move). All or nothing: one bad row rejects all.
 */
import { z } from 'zod';
import { accept, defineCommand, isNoOp, reject } from './define';
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

const importLedgerArgs = z.object({
  import: importFieldsSchema,
  buyers: z.array(buyerFieldsSchema),
  invoices: z.array(invoiceFieldsSchema),
  payments: z.array(paymentFieldsSchema),
  creditNotes: z.array(creditNoteFieldsSchema),
  limitDecisions: z.array(limitDecisionFieldsSchema),
});
export type ImportLedgerArgs = z.output<typeof importLedgerArgs>;

type Counts = { created: number; updated: number; unchanged: number };

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
    const previous = await ctx.reader.get('imports', args.import.id);
    if (ledgerChanges.length === 0 && previous !== undefined) return accept([]);
    const importChange: Change = {
      entity: 'imports',
      id: args.import.id,
      fields: { ...args.import, counts },
    };
    return accept([...mergeByRow(ledgerChanges), importChange]);
  },
});

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
