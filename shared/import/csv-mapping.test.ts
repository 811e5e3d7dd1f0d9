import { describe, expect, it } from 'vitest';
import {
  fromSavedMapping,
  guessMapping,
  mappingKey,
  savedCsvMappingSchema,
  toSavedMapping,
  validateMapping,
} from './csv-mapping';

describe('guessMapping', () => {
  it('maps realistic French invoice headers, HT and TTC apart', () => {
    const headers = [
      'Client',
      'SIREN',
      'N° facture',
      'Date facture',
      "Date d'échéance",
      'Montant HT',
      'Montant TTC',
      'Litige',
    ];
    expect(guessMapping(headers, 'invoices')).toEqual({
      buyerKey: 0,
      buyerSiren: 1,
      number: 2,
      issueDate: 3,
      dueDate: 4,
      amountHt: 5,
      amountTtc: 6,
      disputed: 7,
    });
  });

  it('maps English invoice headers regardless of case', () => {
    const headers = [
      'CUSTOMER CODE',
      'Invoice Number',
      'Invoice date',
      'Due date',
      'Amount excl. VAT',
      'Amount incl. VAT',
      'Currency',
    ];
    expect(guessMapping(headers, 'invoices')).toEqual({
      buyerKey: 0,
      number: 1,
      issueDate: 2,
      dueDate: 3,
      amountHt: 4,
      amountTtc: 5,
      currency: 6,
    });
  });

  it('maps French buyer headers without accents or with extra words', () => {
    const headers = [
      'RAISON SOCIALE',
      'Siren',
      'Siret',
      'TVA intracommunautaire',
      'Code NAF',
      'Adresse',
      'CP',
      'Ville',
      'Pays',
      'Délai de paiement',
      'Courriel',
      'Tél.',
    ];
    expect(guessMapping(headers, 'buyers')).toEqual({
      name: 0,
      siren: 1,
      siret: 2,
      vat: 3,
      naf: 4,
      address: 5,
      postcode: 6,
      city: 7,
      country: 8,
      paymentTerms: 9,
      contactEmail: 10,
      contactPhone: 11,
    });
  });

  it('maps French limit headers: granted vs requested amount, decision vs effective date', () => {
    const headers = [
      'SIREN',
      'Décision',
      'Date de décision',
      "Date d'effet",
      'Limite accordée',
      'Montant demandé',
      'Date de fin',
      'Référence assureur',
    ];
    expect(guessMapping(headers, 'limits')).toEqual({
      buyerSiren: 0,
      kind: 1,
      decisionDate: 2,
      effectiveDate: 3,
      amount: 4,
      requestedAmount: 5,
      endDate: 6,
      insurerReference: 7,
    });
  });

  it('leaves unknown headers unmapped and uses each column once', () => {
    const mapping = guessMapping(['Montant', 'Commentaire'], 'invoices');
    expect(mapping).toEqual({ amountTtc: 0 });
  });
});

describe('validateMapping', () => {
  it('lists the required fields that are missing, with the buyer as either SIREN or code', () => {
    const missing = validateMapping({ number: 0, issueDate: 1, dueDate: 2, amountTtc: 3 }, 'invoices');
    expect(missing.map((field) => field.anyOf)).toEqual([['buyerSiren', 'buyerKey'], ['amountHt']]);
    expect(missing[0]?.label.fr).toBe('SIREN du client ou Code client');
  });
  it('is empty for a complete mapping and refuses a column beyond the header', () => {
    const complete = { buyerKey: 0, kind: 1, decisionDate: 2, effectiveDate: 3, amount: 4 };
    expect(validateMapping(complete, 'limits', 5)).toEqual([]);
    expect(validateMapping(complete, 'limits', 4).map((field) => field.anyOf)).toEqual([['amount']]);
  });
});

describe('mappingKey and saved mappings', () => {
  it('ignores case, accents and spaces but not order or count', () => {
    const key = mappingKey(['N° facture', "Date d'échéance"]);
    expect(mappingKey([' n° FACTURE', 'date d echeance'])).toBe(key);
    expect(mappingKey(["Date d'échéance", 'N° facture'])).not.toBe(key);
    expect(mappingKey(['N° facture', "Date d'échéance", 'Montant'])).not.toBe(key);
  });

  it('round-trips through the zod schema and re-resolves by header text', () => {
    const headers = ['SIREN', 'N° facture', 'Date', 'Échéance', 'HT', 'TTC'];
    const mapping = guessMapping(headers, 'invoices');
    const stored: unknown = JSON.parse(JSON.stringify(toSavedMapping(mapping, 'invoices', headers)));
    const saved = savedCsvMappingSchema.parse(stored);
    expect(
      fromSavedMapping(saved, 'invoices', ['siren', 'N° Facture', 'date', 'echeance', 'ht', 'ttc']),
    ).toEqual(mapping);
    expect(fromSavedMapping(saved, 'limits', headers)).toBeUndefined();
    expect(fromSavedMapping(saved, 'invoices', [...headers, 'Litige'])).toBeUndefined();
    expect(
      savedCsvMappingSchema.safeParse({ version: 2, target: 'invoices', key: 'k', columns: {} }).success,
    ).toBe(false);
  });
});
