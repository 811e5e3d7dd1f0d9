/**
 * Buyer names as the screens show them. In presentation mode with « Masquer les noms des clients » on, a
 * broker projects a client's ledger without disclosing who its buyers are: every name becomes a pseudonym
 * (« Client KQ4821 ») computed from the buyer's id alone.
 *
 * Invariants: the pseudonym of a buyer is the same on every screen, in every session and on every device
 * (no stored table, no order dependence), so « Client KQ4821 » on the dashboard is « Client KQ4821 » on its
 * page. Two letters and four digits (6.76 million values) keep a few hundred buyers distinct in practice;
 * it is a display mask, not an anonymisation of the data (exports and documents keep the real names).
 */
import { createContext, use, useCallback } from 'react';
import type { Settings } from '../../shared/ipc/contract';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** FNV-1a, 32 bits: a small, well-spread, dependency-free hash of the id's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The stable pseudonym of a buyer id, « Client XX9999 ». */
export function buyerPseudonym(buyerId: string): string {
  const hash = fnv1a(buyerId);
  const first = LETTERS.charAt(hash % 26);
  const second = LETTERS.charAt(Math.floor(hash / 26) % 26);
  const digits = String(Math.floor(hash / 676) % 10_000).padStart(4, '0');
  return `Client ${first}${second}${digits}`;
}

export type NamedBuyer = { readonly id: string; readonly name: string };

/** The name to show, given whether names are masked. */
export function displayNameOf(buyer: NamedBuyer, isMasked: boolean): string {
  return isMasked ? buyerPseudonym(buyer.id) : buyer.name;
}

/** Whether the settings mask buyer names: presentation mode on, and its « masquer les noms » option on. */
export function isBuyerNameMasked(settings: Settings): boolean {
  return settings.presentationMode === true && settings.maskBuyerNames === true;
}

/**
 * The masking in force, provided once by the shell (AppLayout) from the settings. Outside it — a screen
 * rendered alone in a unit test — names show unmasked, so no screen needs the settings provider for this.
 */
export const BuyerNameMaskContext = createContext(false);

export function useIsBuyerNameMasked(): boolean {
  return use(BuyerNameMaskContext);
}

/** `(buyer) => name to show`: the one function every screen uses to print a buyer's name. */
export function useBuyerDisplayName(): (buyer: NamedBuyer) => string {
  const isMasked = useIsBuyerNameMasked();
  return useCallback((buyer: NamedBuyer) => displayNameOf(buyer, isMasked), [isMasked]);
}
