import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/commands/registry';
import { openAppDb } from '../db/open-db';
import { runCommand } from '../db/run-command';
import { useBuyerAggregate, useBuyerLedger } from './buyer-hooks';
import { WorkspaceProvider } from './workspace-context';

const CTX = { actor: 'test', today: '2026-03-01', now: '2026-03-01T10:00:00.000Z' };

function Probe({ buyerId }: { readonly buyerId: string }) {
  const loaded = useBuyerLedger(buyerId);
  const aggregate = useBuyerAggregate(buyerId);
  if (loaded === undefined || aggregate === undefined) return <p>Chargement…</p>;
  if (loaded === null) return <p>Introuvable</p>;
  const { ledger } = loaded;
  return (
    <p>
      {`${loaded.buyer.name} : ${ledger.invoices.length} facture(s), ${ledger.payments.length} règlement(s), ` +
        `${ledger.limitDecisions.length} décision(s), base ${loaded.policy.coverBasis}, ` +
        `encours stocké ${aggregate?.exposureCents ?? 'aucun'}`}
    </p>
  );
}

describe('buyer hooks', () => {
  it('read one buyer’s ledger through its indexes and follow new rows live', async () => {
    const db = await openAppDb(`buyer-hooks-${crypto.randomUUID()}`);
    await runCommand(db, commands.createBuyer, { id: 'b1', name: 'Dupont SA' }, CTX);
    await runCommand(db, commands.createBuyer, { id: 'b2', name: 'Autre SAS' }, CTX);
    const invoice = {
      issueDate: '2026-02-01',
      dueDate: '2026-03-03',
      amountHtCents: 1_000_00,
      amountTtcCents: 1_200_00,
      currency: 'EUR',
    };
    await runCommand(db, commands.recordInvoice, { ...invoice, id: 'i1', buyerId: 'b1', number: 'F-1' }, CTX);
    // Another buyer's invoice must not appear in b1's ledger.
    await runCommand(db, commands.recordInvoice, { ...invoice, id: 'i2', buyerId: 'b2', number: 'F-2' }, CTX);
    render(
      <WorkspaceProvider workspace={{ db, actor: 'test', today: CTX.today }}>
        <Probe buyerId="b1" />
      </WorkspaceProvider>,
    );
    // Default policy (HT basis): the one invoice's 1 000 € HT = 100 000 cents.
    expect(
      await screen.findByText(
        'Dupont SA : 1 facture(s), 0 règlement(s), 0 décision(s), base HT, encours stocké 100000',
      ),
    ).toBeTruthy();
    await act(async () => {
      await runCommand(
        db,
        commands.recordPayment,
        { id: 'p1', buyerId: 'b1', date: '2026-02-20', amountCents: 600_00, currency: 'EUR' },
        CTX,
      );
    });
    // 1 200 € TTC − 600 € paid = 600 € TTC open, i.e. half of the HT: 500 € = 50 000 cents.
    expect(
      await screen.findByText(
        'Dupont SA : 1 facture(s), 1 règlement(s), 0 décision(s), base HT, encours stocké 50000',
      ),
    ).toBeTruthy();
    db.close();
  });

  it('answer null for a buyer that does not exist', async () => {
    const db = await openAppDb(`buyer-hooks-${crypto.randomUUID()}`);
    render(
      <WorkspaceProvider workspace={{ db, actor: 'test', today: CTX.today }}>
        <Probe buyerId="nobody" />
      </WorkspaceProvider>,
    );
    expect(await screen.findByText('Introuvable')).toBeTruthy();
    db.close();
  });
});
