/**
 * The team's handling of alerts: acknowledge (seen, being dealt with), snooze until a date, or reopen. The
 * state is keyed by `alertKey()` of the domain, so it follows the same alert from one day to the next.
 */
import { z } from 'zod';
import { ALERT_CODES } from '../domain/alerts';
import { accept, defineCommand, reject } from './define';
import { idSchema, isoDateSchema } from './entities';
import { checkBuyerExists } from './validation';

const alertRefSchema = z.object({ id: idSchema, buyerId: idSchema, code: z.enum(ALERT_CODES) });

export const acknowledgeAlert = defineCommand({
  name: 'acknowledgeAlert',
  args: alertRefSchema.extend({ note: z.string().max(2000).optional() }),
  async execute(ctx, args) {
    const problem = await checkBuyerExists(ctx.reader, args.buyerId);
    if (problem !== null) return problem;
    return accept([
      {
        entity: 'alertStates',
        id: args.id,
        fields: { ...args, acknowledgedAt: ctx.now, snoozedUntil: null, by: ctx.actor },
      },
    ]);
  },
});

export const snoozeAlert = defineCommand({
  name: 'snoozeAlert',
  args: alertRefSchema.extend({ until: isoDateSchema }),
  async execute(ctx, args) {
    const problem = await checkBuyerExists(ctx.reader, args.buyerId);
    if (problem !== null) return problem;
    const { until, ...ref } = args;
    return accept([
      { entity: 'alertStates', id: args.id, fields: { ...ref, snoozedUntil: until, by: ctx.actor } },
    ]);
  },
});

/** Back to "new": the alert shows in the to-do list again. */
export const reopenAlert = defineCommand({
  name: 'reopenAlert',
  args: z.object({ id: idSchema }),
  async execute(ctx, args) {
    if ((await ctx.reader.get('alertStates', args.id)) === undefined) {
      return reject(
        'not-found',
        `Cette alerte n'a été ni prise en compte ni reportée.`,
        `This alert was neither acknowledged nor snoozed.`,
      );
    }
    return accept([{ entity: 'alertStates', id: args.id, deleted: true }]);
  },
});
