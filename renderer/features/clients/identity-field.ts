/**
 * Which identity field a rejected `createBuyer` / `updateBuyer` is about, so that the command's own sentence
 * (French or English) is shown under that field. The commands check SIREN, then SIRET, then NAF, then that
 * the SIRET belongs to the SIREN (shared/commands/validation.ts); the same domain validators are replayed
 * here in the same order. The text shown is always the command's, never re-worded here.
 */
import { validateNaf, validateSiren, validateSiret } from '../../../shared/domain/identifiers';

export type IdentityField = 'siren' | 'siret' | 'naf';

export function identityFieldOf(
  fields: { readonly siren?: string | null; readonly siret?: string | null; readonly naf?: string | null },
  currentSiren?: string,
): IdentityField | null {
  const siren = typeof fields.siren === 'string' ? validateSiren(fields.siren) : null;
  if (siren !== null && !siren.ok) return 'siren';
  const siret = typeof fields.siret === 'string' ? validateSiret(fields.siret) : null;
  if (siret !== null && !siret.ok) return 'siret';
  if (typeof fields.naf === 'string' && !validateNaf(fields.naf).ok) return 'naf';
  const owner = siren?.ok === true ? siren.value : fields.siren === null ? undefined : currentSiren;
  if (siret?.ok === true && owner !== undefined && !siret.value.startsWith(owner)) return 'siret';
  return null;
}
