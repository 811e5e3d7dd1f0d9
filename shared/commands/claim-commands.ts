/**
 * Claims (sinistres) as commands: open a claim from overdue invoices of one buyer, record the events of the
 * workflow (DMS, DIC, waiting period, indemnity, recoveries, closing…), add notes, and keep the metadata of
 * attached files (the bytes stay on the computer that added them: renderer/data/attachments.ts).
 *
 * Invariants: every rule of the workflow is the domain's (`applyClaimEvent`, `computeIndemnity`,
 * `coverAsOf`): a refusal of the domain becomes a rejection carrying the domain's own French and English
 * reason. An invoice belongs to at most one live (non-terminal) claim. `recordClaimEvent` is guarded by the
 * claim row's `version` (architecture §5): a stale `baseVersion` is a conflict, so two people filing on the
 * same claim never overwrite each other. The claim row holds the domain document as is (timeline included);
 * each accepted event is also written as a `claimEvents` row for the timeline screen and the sync log.
 */
import { z } from 'zod';
import { CLAIM_EVENT_TYPES, applyClaimEvent, isTerminal, openClaim } from '../domain/claims';
import type { Claim, ClaimEvent } from '../domain/claims';
import { coverAsOf } from '../domain/cover';
import { exposureOf, openOnBasis } from '../domain/exposure';
import { computeIndemnity } from '../domain/indemnity';
import { claimFilingsOf, loadBuyerLedger, loadPolicy } from './aggregates';
import { accept, defineCommand, reject } from './define';
import type { Change, Reader } from './define';
import { attachmentFieldsSchema, centsSchema, idSchema, isoDateSchema } from './entities';
import type { ClaimRow } from './entities';

/** Largest attached file: a scanned delivery note or a letter, not a video. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const baseVersionSchema = z.number().int().nonnegative();

/** Every optional field of the claim document: written as `null` when absent so a stale value is cleared. */
const OPTIONAL_CLAIM_FIELDS = [
  'maxIndemnityCents',
  'resumeStatus',
  'dmsFiledOn',
  'dicFiledOn',
  'insolvencyDeclaredOn',
  'admittedOn',
] as const;

/** The row's fields as a change patch: the claim document plus the feature's own fields. */
function claimFields(claim: Claim, extras: ClaimExtras): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...claim, ...extras };
  for (const key of OPTIONAL_CLAIM_FIELDS) if (claim[key] === undefined) fields[key] = null;
  return fields;
}

type ClaimExtras = Pick<
  ClaimRow,
  'invoiceIds' | 'openTtcCents' | 'coveredOpenCents' | 'applicableLimitCents' | 'quotityBp'
>;

/** The domain document of a stored claim (the row's own fields and metadata left out). */
export function claimOfRow(row: ClaimRow): Claim {
  const {
    invoiceIds: _invoiceIds,
    openTtcCents: _openTtc,
    coveredOpenCents: _coveredOpen,
    applicableLimitCents: _limit,
    quotityBp: _quotity,
    version: _version,
    updatedAt: _updatedAt,
    ...claim
  } = row;
  return claim;
}

function extrasOf(row: ClaimRow): ClaimExtras {
  return {
    invoiceIds: row.invoiceIds,
    openTtcCents: row.openTtcCents,
    coveredOpenCents: row.coveredOpenCents,
    applicableLimitCents: row.applicableLimitCents,
    quotityBp: row.quotityBp,
  };
}

export const openClaimArgsSchema = z.object({
  claimId: idSchema,
  buyerId: idSchema,
  invoiceIds: z.array(idSchema).min(1).max(500),
  /** The day the claim is opened: the invoices must be past due on that day. */
  openedOn: isoDateSchema,
});

export const openClaimFromInvoices = defineCommand({
  name: 'openClaimFromInvoices',
  args: openClaimArgsSchema,
  async execute(ctx, args) {
    const invoiceIds = [...new Set(args.invoiceIds)];
    if ((await ctx.reader.get('claims', args.claimId)) !== undefined) {
      return reject(
        'already-exists',
        `Le sinistre ${args.claimId} existe déjà.`,
        `Claim ${args.claimId} already exists.`,
      );
    }
    const ledger = await loadBuyerLedger(ctx.reader, args.buyerId);
    if (ledger === undefined) {
      return reject(
        'not-found',
        `Le client ${args.buyerId} n'existe pas.`,
        `Buyer ${args.buyerId} does not exist.`,
      );
    }
    const byId = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice]));
    for (const invoiceId of invoiceIds) {
      if (!byId.has(invoiceId)) {
        const other = await ctx.reader.get('invoices', invoiceId);
        return other === undefined
          ? reject(
              'not-found',
              `La facture ${invoiceId} n'existe pas.`,
              `Invoice ${invoiceId} does not exist.`,
            )
          : reject(
              'invalid',
              `La facture ${other.number} n'est pas une facture de ${ledger.buyer.name} : un sinistre porte sur un seul client.`,
              `Invoice ${other.number} is not an invoice of ${ledger.buyer.name}: a claim concerns one buyer only.`,
            );
      }
    }
    const policy = await loadPolicy(ctx.reader);
    const exposure = exposureOf(ledger, policy, args.openedOn);
    const cover = coverAsOf(ledger, policy, args.openedOn, exposure);
    const openById = new Map(exposure.openItems.map((item) => [item.invoiceId, item]));
    const coverById = new Map(cover.perInvoice.map((row) => [row.invoiceId, row]));
    const items = [];
    for (const invoiceId of invoiceIds) {
      const item = openById.get(invoiceId);
      const number = byId.get(invoiceId)?.number ?? invoiceId;
      if (item === undefined || item.openTtcCents <= 0) {
        return reject(
          'invalid',
          `La facture ${number} est réglée : il n'y a rien à déclarer.`,
          `Invoice ${number} is paid: there is nothing to claim.`,
        );
      }
      if (item.dueDate >= args.openedOn) {
        return reject(
          'invalid',
          `La facture ${number} n'est pas échue (échéance ${item.dueDate}) : un sinistre porte sur des factures impayées à l'échéance.`,
          `Invoice ${number} is not overdue (due ${item.dueDate}): a claim concerns invoices unpaid at their due date.`,
        );
      }
      items.push(item);
    }
    const claimsOfBuyer = await ctx.reader.query('claims', { index: 'buyerId', equals: args.buyerId });
    for (const existing of claimsOfBuyer) {
      if (isTerminal(existing.status)) continue;
      const taken = invoiceIds.find((id) => existing.invoiceIds.includes(id));
      if (taken !== undefined) {
        const number = byId.get(taken)?.number ?? taken;
        return reject(
          'invalid',
          `La facture ${number} fait déjà l'objet d'un sinistre en cours : complétez ce dossier plutôt que d'en ouvrir un autre.`,
          `Invoice ${number} is already part of an open claim: add to that claim rather than opening another.`,
        );
      }
    }

    const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
    const rows = items.map((item) => coverById.get(item.invoiceId));
    const openAmountCents = sum(items.map((item) => openOnBasis(item, policy.coverBasis)));
    const openTtcCents = sum(items.map((item) => item.openTtcCents));
    // Eligible for cover: not disputed, terms within the maximum (cover.ts gives the reason per invoice).
    const coveredOpenCents = sum(
      rows.map((row) =>
        row === undefined || row.uncoveredReason === 'disputed' || row.uncoveredReason === 'terms-exceeded'
          ? 0
          : row.openCents,
      ),
    );
    const applicableLimitCents = sum(rows.map((row) => row?.coveredCents ?? 0));
    const layer =
      rows.find((row) => row !== undefined && row.coveredCents > 0)?.limitLayer ?? cover.primaryLayer;
    const quotityBp =
      cover.byLayer.find((entry) => entry.layer === layer)?.quotityBp ??
      (layer === 'named' ? policy.namedQuotityBp : policy.unnamedQuotityBp);
    const indemnity = computeIndemnity(
      {
        coveredOpenCents,
        recoveriesBeforeLossCents: 0,
        limitCents: applicableLimitCents,
        unpaidTtcCents: openTtcCents,
        quotityBp,
      },
      policy,
    );
    const dueDate = items.map((item) => item.dueDate).sort()[0] ?? args.openedOn;
    const claim = openClaim({
      id: args.claimId,
      buyerId: args.buyerId,
      dueDate,
      openedOn: args.openedOn,
      openedBy: ctx.actor,
      openAmountCents,
      maxIndemnityCents: indemnity.indemnityCents,
    });
    const extras: ClaimExtras = {
      invoiceIds,
      openTtcCents,
      coveredOpenCents,
      applicableLimitCents,
      quotityBp,
    };
    return accept([{ entity: 'claims', id: claim.id, fields: claimFields(claim, extras) }]);
  },
});

export const claimEventInputSchema = z.object({
  /** Id of the `claimEvents` row. */
  id: idSchema,
  type: z.enum(CLAIM_EVENT_TYPES),
  date: isoDateSchema,
  amountCents: centsSchema.optional(),
  note: z.string().trim().max(5000).optional(),
});

async function nextSeq(reader: Reader, claimId: string): Promise<number> {
  return (await reader.query('claimEvents', { index: 'claimId', equals: claimId })).length;
}

export const recordClaimEvent = defineCommand({
  name: 'recordClaimEvent',
  guarded: true,
  args: z.object({ claimId: idSchema, event: claimEventInputSchema, baseVersion: baseVersionSchema }),
  async execute(ctx, args) {
    const row = await ctx.reader.get('claims', args.claimId);
    if (row === undefined) {
      return reject(
        'not-found',
        `Le sinistre ${args.claimId} n'existe pas.`,
        `Claim ${args.claimId} does not exist.`,
      );
    }
    if (row.version !== args.baseVersion) {
      return reject(
        'conflict',
        'Ce sinistre a été modifié entre-temps : relisez-le avant d’enregistrer.',
        'This claim was changed meanwhile: review it before saving.',
      );
    }
    if ((await ctx.reader.get('claimEvents', args.event.id)) !== undefined) {
      return reject(
        'already-exists',
        `L'événement ${args.event.id} existe déjà.`,
        `Event ${args.event.id} already exists.`,
      );
    }
    const { id, note, amountCents, ...rest } = args.event;
    const event: ClaimEvent = {
      ...rest,
      by: ctx.actor,
      ...(amountCents === undefined ? {} : { amountCents }),
      ...(note === undefined || note === '' ? {} : { note }),
    };
    const policy = await loadPolicy(ctx.reader);
    const result = applyClaimEvent(claimOfRow(row), event, policy);
    if (!result.ok) return reject('invalid', result.reason.message.fr, result.reason.message.en);
    const seq = await nextSeq(ctx.reader, row.id);
    const changes: Change[] = [
      { entity: 'claims', id: row.id, fields: claimFields(result.claim, extrasOf(row)) },
      { entity: 'claimEvents', id, fields: { ...event, claimId: row.id, seq } },
    ];
    return accept(changes);
  },
});

/** A note on a claim: kept in its timeline rows, not a step of the workflow (so it never changes the status). */
export const addClaimNote = defineCommand({
  name: 'addClaimNote',
  args: z.object({
    claimId: idSchema,
    id: idSchema,
    date: isoDateSchema,
    note: z.string().trim().min(1).max(5000),
  }),
  async execute(ctx, args) {
    const row = await ctx.reader.get('claims', args.claimId);
    if (row === undefined) {
      return reject(
        'not-found',
        `Le sinistre ${args.claimId} n'existe pas.`,
        `Claim ${args.claimId} does not exist.`,
      );
    }
    if ((await ctx.reader.get('claimEvents', args.id)) !== undefined) {
      return reject('already-exists', `La note ${args.id} existe déjà.`, `Note ${args.id} already exists.`);
    }
    const seq = await nextSeq(ctx.reader, row.id);
    return accept([
      {
        entity: 'claimEvents',
        id: args.id,
        fields: { claimId: row.id, type: 'note', date: args.date, by: ctx.actor, note: args.note, seq },
      },
    ]);
  },
});

/** Size in Mo for the messages (French writes « Mo » for megabytes). */
function megabytes(bytes: number): string {
  return String(Math.round(bytes / (1024 * 1024)));
}

export const addAttachment = defineCommand({
  name: 'addAttachment',
  args: z.object({ attachment: attachmentFieldsSchema }),
  async execute(ctx, args) {
    const { attachment } = args;
    if (attachment.sizeBytes > MAX_ATTACHMENT_BYTES) {
      return reject(
        'invalid',
        `Le fichier « ${attachment.fileName} » dépasse ${megabytes(MAX_ATTACHMENT_BYTES)} Mo : réduisez-le (PDF compressé, scan en niveaux de gris) puis recommencez.`,
        `The file "${attachment.fileName}" is larger than ${megabytes(MAX_ATTACHMENT_BYTES)} MB: make it smaller (compressed PDF, greyscale scan) and try again.`,
      );
    }
    if ((await ctx.reader.get('attachments', attachment.id)) !== undefined) {
      return reject(
        'already-exists',
        `La pièce jointe ${attachment.id} existe déjà.`,
        `Attachment ${attachment.id} already exists.`,
      );
    }
    if (
      attachment.ownerEntity === 'claims' &&
      (await ctx.reader.get('claims', attachment.ownerId)) === undefined
    ) {
      return reject(
        'not-found',
        `Le sinistre ${attachment.ownerId} n'existe pas.`,
        `Claim ${attachment.ownerId} does not exist.`,
      );
    }
    return accept([{ entity: 'attachments', id: attachment.id, fields: attachment }]);
  },
});

export const removeAttachment = defineCommand({
  name: 'removeAttachment',
  args: z.object({ id: idSchema }),
  async execute(ctx, args) {
    if ((await ctx.reader.get('attachments', args.id)) === undefined) {
      return reject(
        'not-found',
        `La pièce jointe ${args.id} n'existe pas (déjà supprimée ?).`,
        `Attachment ${args.id} does not exist (already removed?).`,
      );
    }
    return accept([{ entity: 'attachments', id: args.id, deleted: true }]);
  },
});

export type OpenClaimArgs = z.input<typeof openClaimArgsSchema>;

export { claimFilingsOf };
