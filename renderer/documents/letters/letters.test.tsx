import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { openClaim } from '../../../shared/domain/claims';
import { ClaimSummaryDocument } from './ClaimSummaryDocument';
import { FormalNoticeLetter } from './FormalNoticeLetter';
import type { LetterInvoice } from './letter-figures';
import { ReminderLetter } from './ReminderLetter';

/** The text as a reader sees it: every run of spaces (fr-FR uses narrow no-break ones) as one space. */
function textOf(container: HTMLElement): string {
  return container.textContent.replace(/\s+/gu, ' ');
}

const SENDER = {
  name: 'Atelier Durand SAS',
  siren: '732829320',
  address: { street: '12 rue des Forges', postalCode: '69007', city: 'Lyon' },
  contact: { name: 'Claire Durand', role: 'Directrice financière' },
  policyNumber: 'POL-2026-0042',
  insurerName: 'Allianz Trade',
};
const BUYER = { name: 'SARL Dupont', siren: '552100554', address: { city: 'Paris', postalCode: '75002' } };
// domain.md example 6: 10 000 € TTC due 01/10/2025, letter 31/10/2025 (30 days), 2025-H2 rate 12,15 %.
const INVOICE: LetterInvoice = {
  id: 'i1',
  number: 'FA-2025-101',
  issueDate: '2025-09-01',
  dueDate: '2025-10-01',
  amountTtcCents: 1_000_000,
  openTtcCents: 1_000_000,
  currency: 'EUR',
};

describe('FormalNoticeLetter', () => {
  it('states example 6: principal, 12,15 %, 99,86 € of penalties, 40 € indemnity, total and the 8 days', () => {
    const { container } = render(
      <FormalNoticeLetter sender={SENDER} recipient={BUYER} invoices={[INVOICE]} date="2025-10-31" />,
    );
    const text = textOf(container);
    expect(text).toContain('Lettre recommandée avec accusé de réception');
    expect(text).toContain('FA-2025-101');
    expect(text).toContain('12,15 %');
    expect(text).toContain('99,86 €');
    expect(text).toContain('40,00 €');
    // 10 000,00 + 99,86 + 40,00.
    expect(text).toContain('10 139,86 €');
    // 31 October + 8 days.
    expect(text).toContain('8 novembre 2025');
    expect(text).toContain('L441-10');
    expect(text).toContain('nous saisirons la juridiction compétente');
    expect(text).toContain('Lyon, le 31 octobre 2025');
    expect(text).toContain('SIREN 552 100 554');
  });
});

describe('ReminderLetter', () => {
  it('lists the overdue invoice with its days late and the total still owed', () => {
    const { container } = render(
      <ReminderLetter sender={undefined} recipient={BUYER} invoices={[INVOICE]} date="2025-10-31" />,
    );
    const text = textOf(container);
    expect(text).toContain('FA-2025-101');
    expect(text).toContain('10 000,00 €');
    expect(text).toContain('Total restant dû');
    // No sender entered yet: the gap is visible on the letter.
    expect(text).toContain('[Votre entreprise : à renseigner dans Paramètres]');
  });
});

describe('ClaimSummaryDocument', () => {
  it('gives the policy number, the buyer, the invoices and the DMS deadline of domain.md example 3', () => {
    // Example 3: due 2026-03-31, maximum extension 60 days → 2026-05-30; DMS 30 days later → 2026-06-29.
    const claim = openClaim({
      id: 'c1',
      buyerId: 'b1',
      dueDate: '2026-03-31',
      openedOn: '2026-05-02',
      openedBy: 'marie',
      openAmountCents: 1_000_000,
    });
    const policy = { ...DEFAULT_POLICY, maxExtensionDays: 60, dmsDeadlineDays: 30 };
    const { container } = render(
      <ClaimSummaryDocument
        claim={claim}
        buyer={BUYER}
        invoices={[{ ...INVOICE, dueDate: '2026-03-31', issueDate: '2026-02-28' }]}
        company={SENDER}
        policy={policy}
        date="2026-05-02"
        limitInForceCents={2_500_000}
        quotityBp={9_000}
      />,
    );
    const text = textOf(container);
    expect(text).toContain('POL-2026-0042');
    expect(text).toContain('Allianz Trade');
    expect(text).toContain('SARL Dupont');
    expect(text).toContain('FA-2025-101');
    expect(text).toContain('30/05/2026');
    expect(text).toContain('à déposer au plus tard le 29/06/2026');
    expect(text).toContain('25 000,00 €');
    expect(text).toContain('90 %');
  });
});
