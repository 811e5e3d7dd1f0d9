/** « Règlements et avoirs »: the buyer's payments and credit notes, newest first. */
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuyerLedger } from '../../../shared/domain/model';
import { formatDate, formatMoney } from '../../lib/format';

const byDateDesc = <T extends { readonly date: string; readonly id: string }>(a: T, b: T): number =>
  a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? 1 : -1;

export function BuyerSettlements({ ledger }: { readonly ledger: BuyerLedger }) {
  const { t } = useTranslation();
  const numberOf = useMemo(
    () => new Map(ledger.invoices.map((invoice) => [invoice.id, invoice.number])),
    [ledger.invoices],
  );
  const payments = useMemo(() => [...ledger.payments].sort(byDateDesc), [ledger.payments]);
  const creditNotes = useMemo(() => [...ledger.creditNotes].sort(byDateDesc), [ledger.creditNotes]);
  const invoiceOf = (invoiceId: string | undefined): string =>
    invoiceId === undefined ? t('buyer.settlements.unallocated') : (numberOf.get(invoiceId) ?? invoiceId);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Paper withBorder radius="lg" p="lg" shadow="xs">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('buyer.settlements.payments')}
          </Title>
          {payments.length === 0 ? (
            <Text c="dimmed">{t('buyer.settlements.noPayment')}</Text>
          ) : (
            <Table
              aria-label={t('buyer.settlements.payments')}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('buyer.settlements.date')}</Table.Th>
                  <Table.Th ta="right">{t('buyer.settlements.amount')}</Table.Th>
                  <Table.Th>{t('buyer.settlements.invoice')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.map((payment) => (
                  <Table.Tr key={payment.id}>
                    <Table.Td>{formatDate(payment.date)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(payment.amountCents)}</Table.Td>
                    <Table.Td>{invoiceOf(payment.invoiceId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="lg" p="lg" shadow="xs">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('buyer.settlements.creditNotes')}
          </Title>
          {creditNotes.length === 0 ? (
            <Text c="dimmed">{t('buyer.settlements.noCreditNote')}</Text>
          ) : (
            <Table
              aria-label={t('buyer.settlements.creditNotes')}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('buyer.settlements.date')}</Table.Th>
                  <Table.Th>{t('buyer.settlements.number')}</Table.Th>
                  <Table.Th ta="right">{t('buyer.settlements.amountTtc')}</Table.Th>
                  <Table.Th>{t('buyer.settlements.invoice')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {creditNotes.map((note) => (
                  <Table.Tr key={note.id}>
                    <Table.Td>{formatDate(note.date)}</Table.Td>
                    <Table.Td ff="monospace">{note.number}</Table.Td>
                    <Table.Td ta="right">{formatMoney(note.amountTtcCents)}</Table.Td>
                    <Table.Td>{invoiceOf(note.invoiceId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
