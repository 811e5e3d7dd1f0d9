/**
 * Links out of the Clients feature. Ids go through `encodeURIComponent`: imported buyer ids contain colons
 * (`fec:<siren>:<account>`). The other screens read the `buyer` query parameter.
 */
export function buyerPath(buyerId: string): string {
  return `/buyers/${encodeURIComponent(buyerId)}`;
}

export function invoicesOfBuyerPath(buyerId: string): string {
  return `/invoices?buyer=${encodeURIComponent(buyerId)}`;
}

export function recordDecisionPath(buyerId: string): string {
  return `/limits?buyer=${encodeURIComponent(buyerId)}&action=decision`;
}

export function canShipPath(buyerId: string): string {
  return `/can-ship?buyer=${encodeURIComponent(buyerId)}`;
}
