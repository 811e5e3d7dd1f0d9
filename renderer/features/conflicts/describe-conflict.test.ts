import { describe, expect, it } from 'vitest';
import { formatFieldValue, serverBlocks, wantedBlock } from './describe-conflict';

const words = { yes: 'oui', no: 'non' };

describe('conflict description', () => {
  it.each([
    // 1 500 000 cents = 15 000,00 € (fr-FR: narrow no-break space as thousands separator).
    ['amountCents', 1_500_000, '15\u202f000,00\u00a0€'],
    // 9 000 basis points = 90 %.
    ['quotityBp', 9000, '90 %'],
    ['effectiveDate', '2026-03-01', '01/03/2026'],
    ['disputed', true, 'oui'],
    ['name', 'Dupont SAS', 'Dupont SAS'],
    ['endDate', null, '—'],
    ['paymentTermsDays', 45, '45'],
  ])('formats %s = %j as %j', (key, value, expected) => {
    expect(formatFieldValue(key, value, words)).toBe(expected);
  });

  it('shows what the user typed in a limit decision, without ids or guards', () => {
    const block = wantedBlock(
      {
        baseVersion: 0,
        decision: {
          id: 'd1',
          buyerId: 'b1',
          kind: 'granted',
          amountCents: 5_000_000,
          effectiveDate: '2026-01-05',
        },
      },
      words,
    );
    expect(block.lines).toEqual([
      { key: 'kind', value: 'granted' },
      { key: 'amountCents', value: '50\u202f000,00\u00a0€' },
      { key: 'effectiveDate', value: '05/01/2026' },
    ]);
  });

  it('lists each server row with its entity, and a deletion with no lines', () => {
    expect(
      serverBlocks(
        [
          { entity: 'limitDecisions', id: 'd0', fields: { amountCents: 3_000_000, version: 2 } },
          { entity: 'invoices', id: 'i1', deleted: true },
        ],
        words,
      ),
    ).toEqual([
      { entity: 'limitDecisions', lines: [{ key: 'amountCents', value: '30\u202f000,00\u00a0€' }] },
      { entity: 'invoices', lines: [] },
    ]);
  });
});
