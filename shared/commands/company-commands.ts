/**
 * « Votre entreprise »: `setCompany` stores the insured company's identity (the sender of the letters, the
 * insured of the DMS / DIC summary) as the singleton row `company/current`.
 *
 * Guarded like `setPolicy`: the caller sends the row version it edited (0 before the first save), and a save
 * over a teammate's newer one is a conflict. The form sends the whole identity: an optional field left out is
 * cleared, so removing a contact's phone really removes it. The SIREN is normalised and its key checked.
 */
import { z } from 'zod';
import { accept, defineCommand, reject } from './define';
import { COMPANY_ROW_ID, companyFieldsSchema } from './entities';
import { normaliseSiren } from './validation';

/** Every optional field of the identity, cleared (`null`) when the form leaves it out. */
const OPTIONAL_FIELDS = ['siren', 'address', 'contact', 'policyNumber', 'insurerName'] as const;

export const setCompany = defineCommand({
  name: 'setCompany',
  guarded: true,
  args: z.object({ company: companyFieldsSchema, baseVersion: z.number().int().nonnegative() }),
  async execute(ctx, args) {
    const current = await ctx.reader.get('company', COMPANY_ROW_ID);
    if ((current?.version ?? 0) !== args.baseVersion) {
      return reject(
        'conflict',
        'L’identité de l’entreprise a été modifiée entre-temps : relisez-la avant d’enregistrer.',
        'The company identity was changed meanwhile: review it before saving.',
      );
    }
    const fields: Record<string, unknown> = { ...args.company };
    const siren = args.company.siren?.trim();
    if (siren === undefined || siren === '') fields['siren'] = null;
    else {
      const checked = normaliseSiren(siren);
      if (!checked.ok) return checked.result;
      fields['siren'] = checked.value;
    }
    for (const key of OPTIONAL_FIELDS) fields[key] ??= null;
    return accept([{ entity: 'company', id: COMPANY_ROW_ID, fields }]);
  },
});
