/**
 * A buyer's name as shown on screen: the real name, or its stable pseudonym while presentation mode masks
 * names (see renderer/data/display-name.ts). Text only, so it drops into any link, cell or title.
 */
import { useBuyerDisplayName } from '../data/display-name';

export function BuyerName({ id, name }: { readonly id: string; readonly name: string }) {
  const displayName = useBuyerDisplayName();
  return <>{displayName({ id, name })}</>;
}
