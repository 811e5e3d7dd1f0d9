/**
 * A small workspace for the Clients tests, written through the real commands (today 2026-03-01, default
 * policy: HT basis, unnamed threshold 10 000 €). Expected figures, by hand:
 * - Dupont SA (SIREN 732 829 320, grade 3): named limit 10 000 € granted; invoice F-001 of 12 000 € HT
 *   (14 400 € TTC) due 2026-03-03 → encours 12 000 €, covered 10 000 €, uncovered 2 000 €, nothing overdue.
 * - Établissements Bérard (no SIREN, grade 8): no decision → unnamed threshold 10 000 €; invoice F-002 of
 *   5 000 € HT (6 000 € TTC) due 2025-12-31, unpaid → encours 5 000 €, all covered, 5 000 € overdue
 *   (60 days late on 2026-03-01).
 * - Martin SARL (SIREN 443 061 841): limit refused → 0 in force; invoice F-003 of 3 000 € HT due 2026-03-12
 *   → encours 3 000 €, nothing covered.
 * - Zeta SAS: no invoice → all zeros.
 */
import type { CommandName } from '../../../shared/commands/registry';

export const TODAY = '2026-03-01';

/** Runs one command in the test's workspace (the tests pass `runCommand` over their database). */
export type SeedRunner = (name: CommandName, args: unknown) => Promise<{ readonly ok: boolean }>;

/** Writes the workspace described above; throws if any command is rejected. */
export async function seedClients(runner: SeedRunner): Promise<void> {
  const run = async (name: CommandName, args: unknown) => {
    if (!(await runner(name, args)).ok) throw new Error(`seed command ${name} rejected`);
  };
  await run('createBuyer', { id: 'b1', name: 'Dupont SA', siren: '732829320', grade: 3 });
  await run('createBuyer', { id: 'b2', name: 'Établissements Bérard', grade: 8 });
  await run('createBuyer', { id: 'b3', name: 'Martin SARL', siren: '443061841' });
  await run('createBuyer', { id: 'b4', name: 'Zeta SAS' });
  const decision = {
    layer: 'named',
    currency: 'EUR',
  };
  await run('recordLimitDecision', {
    baseVersion: 0,
    decision: {
      ...decision,
      id: 'd1',
      buyerId: 'b1',
      kind: 'granted',
      decisionDate: '2026-01-15',
      effectiveDate: '2026-01-15',
      requestedCents: 15_000_00,
      amountCents: 10_000_00,
      insurerReference: 'ALZ-0042',
    },
  });
  await run('recordLimitDecision', {
    baseVersion: 0,
    decision: {
      ...decision,
      id: 'd3',
      buyerId: 'b3',
      kind: 'refused',
      decisionDate: '2026-01-10',
      effectiveDate: '2026-01-10',
      requestedCents: 5_000_00,
      amountCents: 0,
    },
  });
  const invoice = { currency: 'EUR' };
  await run('recordInvoice', {
    ...invoice,
    id: 'i1',
    buyerId: 'b1',
    number: 'F-001',
    issueDate: '2026-02-01',
    dueDate: '2026-03-03',
    amountHtCents: 12_000_00,
    amountTtcCents: 14_400_00,
  });
  await run('recordInvoice', {
    ...invoice,
    id: 'i2',
    buyerId: 'b2',
    number: 'F-002',
    issueDate: '2025-12-01',
    dueDate: '2025-12-31',
    amountHtCents: 5_000_00,
    amountTtcCents: 6_000_00,
  });
  await run('recordInvoice', {
    ...invoice,
    id: 'i3',
    buyerId: 'b3',
    number: 'F-003',
    issueDate: '2026-02-10',
    dueDate: '2026-03-12',
    amountHtCents: 3_000_00,
    amountTtcCents: 3_600_00,
  });
}
