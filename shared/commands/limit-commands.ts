/**
 * Guarded commands (architecture §5): a credit-limit decision and the policy. Each carries the `baseVersion`
 * the user saw; a stale one is rejected as a `conflict` so nothing is silently overwritten.
 * For limits the guard is the buyer's `limitHistoryVersion`, bumped by every decision; for the policy, the
 * policy row's `version` (0 before the first `setPolicy`).
 */
import { z } from 'zod';
import { accept, defineCommand, reject } from './define';
import { POLICY_ROW_ID, limitDecisionFieldsSchema, policyFieldsSchema } from './entities';

const baseVersionSchema = z.number().int().nonnegative();

export const recordLimitDecision = defineCommand({
  name: 'recordLimitDecision',
  guarded: true,
  args: z.object({ decision: limitDecisionFieldsSchema, baseVersion: baseVersionSchema }),
  async execute(ctx, args) {
    const { decision } = args;
    const buyer = await ctx.reader.get('buyers', decision.buyerId);
    if (buyer === undefined) {
      return reject(
        'not-found',
        `Le client ${decision.buyerId} n'existe pas.`,
        `Buyer ${decision.buyerId} does not exist.`,
      );
    }
    if (buyer.limitHistoryVersion !== args.baseVersion) {
      return reject(
        'conflict',
        `L'historique de limite de ${buyer.name} a changé depuis votre saisie : relisez-le avant d'enregistrer.`,
        `The limit history of ${buyer.name} changed since you started: review it before saving.`,
      );
    }
    if ((await ctx.reader.get('limitDecisions', decision.id)) !== undefined) {
      return reject(
        'already-exists',
        `La décision ${decision.id} existe déjà.`,
        `Decision ${decision.id} already exists.`,
      );
    }
    if (decision.endDate !== undefined && decision.endDate < decision.effectiveDate) {
      return reject(
        'invalid',
        `La limite prend fin (${decision.endDate}) avant de prendre effet (${decision.effectiveDate}).`,
        `The limit ends (${decision.endDate}) before it takes effect (${decision.effectiveDate}).`,
      );
    }
    return accept([
      { entity: 'limitDecisions', id: decision.id, fields: decision },
      { entity: 'buyers', id: buyer.id, fields: { limitHistoryVersion: args.baseVersion + 1 } },
    ]);
  },
});

export const setPolicy = defineCommand({
  name: 'setPolicy',
  guarded: true,
  args: z.object({ policy: policyFieldsSchema, baseVersion: baseVersionSchema }),
  async execute(ctx, args) {
    const current = await ctx.reader.get('policy', POLICY_ROW_ID);
    if ((current?.version ?? 0) !== args.baseVersion) {
      return reject(
        'conflict',
        'Les paramètres de la police ont été modifiés entre-temps : relisez-les avant d’enregistrer.',
        'The policy parameters were changed meanwhile: review them before saving.',
      );
    }
    return accept([{ entity: 'policy', id: POLICY_ROW_ID, fields: args.policy }]);
  },
});
