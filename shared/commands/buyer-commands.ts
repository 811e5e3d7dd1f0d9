/** Creating and editing buyers (acheteurs). `nameKey` follows `name`; `limitHistoryVersion` starts at 0. */
import { z } from 'zod';
import { accept, defineCommand, reject } from './define';
import { buyerFieldsSchema, nameKeyOf } from './entities';
import { normaliseSiren } from './validation';

export const createBuyer = defineCommand({
  name: 'createBuyer',
  args: buyerFieldsSchema,
  async execute(ctx, args) {
    if ((await ctx.reader.get('buyers', args.id)) !== undefined) {
      return reject(
        'already-exists',
        `Le client ${args.id} existe déjà.`,
        `Buyer ${args.id} already exists.`,
      );
    }
    let siren = args.siren;
    if (siren !== undefined) {
      const checked = normaliseSiren(siren);
      if (!checked.ok) return checked.result;
      siren = checked.value;
    }
    return accept([
      {
        entity: 'buyers',
        id: args.id,
        fields: {
          ...args,
          ...(siren === undefined ? {} : { siren }),
          nameKey: nameKeyOf(args.name),
          limitHistoryVersion: 0,
        },
      },
    ]);
  },
});

/** Field-level patch: only the fields named change; `null` clears an optional field. */
export const updateBuyer = defineCommand({
  name: 'updateBuyer',
  args: z.object({
    id: z.string().min(1),
    patch: z
      .object({
        name: buyerFieldsSchema.shape.name,
        siren: z.string().nullable(),
        country: z.string().nullable(),
        insolvency: buyerFieldsSchema.shape.insolvency.unwrap().nullable(),
        paymentTermsDays: z.number().int().nonnegative().nullable(),
      })
      .partial(),
  }),
  async execute(ctx, args) {
    if ((await ctx.reader.get('buyers', args.id)) === undefined) {
      return reject('not-found', `Le client ${args.id} n'existe pas.`, `Buyer ${args.id} does not exist.`);
    }
    const fields: Record<string, unknown> = { ...args.patch };
    if (typeof args.patch.siren === 'string') {
      const checked = normaliseSiren(args.patch.siren);
      if (!checked.ok) return checked.result;
      fields['siren'] = checked.value;
    }
    if (args.patch.name !== undefined) fields['nameKey'] = nameKeyOf(args.patch.name);
    return accept([{ entity: 'buyers', id: args.id, fields }]);
  },
});
