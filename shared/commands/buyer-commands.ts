/** Creating and editing buyers (acheteurs). `nameKey` follows `name`; `limitHistoryVersion` starts at 0. */
import { z } from 'zod';
import { accept, defineCommand, reject } from './define';
import { buyerAddressSchema, buyerContactSchema, buyerFieldsSchema, nameKeyOf } from './entities';
import { normaliseBuyerIdentity } from './validation';

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
    const identity = normaliseBuyerIdentity(args);
    if (!identity.ok) return identity.result;
    return accept([
      {
        entity: 'buyers',
        id: args.id,
        fields: {
          ...identity.value,
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
        siret: z.string().nullable(),
        naf: z.string().nullable(),
        grade: z.number().int().min(1).max(10).nullable(),
        address: buyerAddressSchema.nullable(),
        contacts: z.array(buyerContactSchema).max(50).nullable(),
      })
      .partial(),
  }),
  async execute(ctx, args) {
    const current = await ctx.reader.get('buyers', args.id);
    if (current === undefined) {
      return reject('not-found', `Le client ${args.id} n'existe pas.`, `Buyer ${args.id} does not exist.`);
    }
    const identity = normaliseBuyerIdentity(args.patch, current.siren);
    if (!identity.ok) return identity.result;
    const fields: Record<string, unknown> = { ...identity.value };
    if (args.patch.name !== undefined) fields['nameKey'] = nameKeyOf(args.patch.name);
    return accept([{ entity: 'buyers', id: args.id, fields }]);
  },
});
