/**
 * Commands on a buyer's documents: invoices (record, update, dispute, delete), payments and credit notes.
 * Each checks what the domain requires (the buyer exists, the due date is not before the issue date, a named
 * invoice belongs to the same buyer) and returns plain changes.
 */
import { z } from 'zod';
import { accept, defineCommand, reject } from './define';
import { creditNoteFieldsSchema, invoiceFieldsSchema, isoDateSchema, paymentFieldsSchema } from './entities';
import { checkBuyerExists, checkDueDate, checkInvoiceOfBuyer } from './validation';

function invoiceMissing(id: string): ReturnType<typeof reject> {
  return reject('not-found', `La facture ${id} n'existe pas.`, `Invoice ${id} does not exist.`);
}

export const recordInvoice = defineCommand({
  name: 'recordInvoice',
  args: invoiceFieldsSchema,
  async execute(ctx, args) {
    const problem =
      checkDueDate(args.issueDate, args.dueDate, args.number) ??
      (await checkBuyerExists(ctx.reader, args.buyerId));
    if (problem !== null) return problem;
    if ((await ctx.reader.get('invoices', args.id)) !== undefined) {
      return reject(
        'already-exists',
        `La facture ${args.id} existe déjà.`,
        `Invoice ${args.id} already exists.`,
      );
    }
    return accept([{ entity: 'invoices', id: args.id, fields: args }]);
  },
});

const invoiceShape = invoiceFieldsSchema.shape;

export const updateInvoice = defineCommand({
  name: 'updateInvoice',
  args: z.object({
    id: z.string().min(1),
    patch: z
      .object({
        buyerId: invoiceShape.buyerId,
        number: invoiceShape.number,
        issueDate: invoiceShape.issueDate,
        deliveryDate: isoDateSchema.nullable(),
        dueDate: invoiceShape.dueDate,
        amountHtCents: invoiceShape.amountHtCents,
        amountTtcCents: invoiceShape.amountTtcCents,
        currency: invoiceShape.currency,
      })
      .partial(),
  }),
  async execute(ctx, args) {
    const existing = await ctx.reader.get('invoices', args.id);
    if (existing === undefined) return invoiceMissing(args.id);
    const problem =
      checkDueDate(
        args.patch.issueDate ?? existing.issueDate,
        args.patch.dueDate ?? existing.dueDate,
        existing.number,
      ) ?? (args.patch.buyerId === undefined ? null : await checkBuyerExists(ctx.reader, args.patch.buyerId));
    if (problem !== null) return problem;
    return accept([{ entity: 'invoices', id: args.id, fields: args.patch }]);
  },
});

/** Opens or closes a dispute (litige): a disputed invoice is not insured until the dispute ends. */
export const setInvoiceDispute = defineCommand({
  name: 'setInvoiceDispute',
  args: z.object({ id: z.string().min(1), disputed: z.boolean() }),
  async execute(ctx, args) {
    if ((await ctx.reader.get('invoices', args.id)) === undefined) return invoiceMissing(args.id);
    return accept([{ entity: 'invoices', id: args.id, fields: { disputed: args.disputed } }]);
  },
});

/** Refused while a payment or credit note still names the invoice: deleting it would orphan them. */
export const deleteInvoice = defineCommand({
  name: 'deleteInvoice',
  args: z.object({ id: z.string().min(1) }),
  async execute(ctx, args) {
    if ((await ctx.reader.get('invoices', args.id)) === undefined) return invoiceMissing(args.id);
    const payments = await ctx.reader.query('payments', { index: 'invoiceId', equals: args.id });
    const creditNotes = await ctx.reader.query('creditNotes', { index: 'invoiceId', equals: args.id });
    if (payments.length + creditNotes.length > 0) {
      return reject(
        'invalid',
        `La facture ${args.id} a des règlements ou avoirs rattachés : supprimez-les ou détachez-les d'abord.`,
        `Invoice ${args.id} has payments or credit notes applied to it: delete or detach them first.`,
      );
    }
    return accept([{ entity: 'invoices', id: args.id, deleted: true }]);
  },
});

export const recordPayment = defineCommand({
  name: 'recordPayment',
  args: paymentFieldsSchema.refine((payment) => payment.amountCents > 0, 'a payment is more than 0'),
  async execute(ctx, args) {
    const problem =
      (await checkBuyerExists(ctx.reader, args.buyerId)) ??
      (await checkInvoiceOfBuyer(ctx.reader, args.invoiceId, args.buyerId));
    if (problem !== null) return problem;
    if ((await ctx.reader.get('payments', args.id)) !== undefined) {
      return reject(
        'already-exists',
        `Le règlement ${args.id} existe déjà.`,
        `Payment ${args.id} already exists.`,
      );
    }
    return accept([{ entity: 'payments', id: args.id, fields: args }]);
  },
});

export const recordCreditNote = defineCommand({
  name: 'recordCreditNote',
  args: creditNoteFieldsSchema,
  async execute(ctx, args) {
    const problem =
      (await checkBuyerExists(ctx.reader, args.buyerId)) ??
      (await checkInvoiceOfBuyer(ctx.reader, args.invoiceId, args.buyerId));
    if (problem !== null) return problem;
    if ((await ctx.reader.get('creditNotes', args.id)) !== undefined) {
      return reject(
        'already-exists',
        `L'avoir ${args.id} existe déjà.`,
        `Credit note ${args.id} already exists.`,
      );
    }
    return accept([{ entity: 'creditNotes', id: args.id, fields: args }]);
  },
});
