/**
 * « Factures »: the buyer's invoices, latest due date first, with their status on the workspace's date.
 * Only the first MAX_SHOWN are drawn (a large account has thousands); the Factures page lists them all.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LetterPreviewModal } from '../../documents/letters/LetterPreviewModal';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import type { InvoiceLine, InvoiceStatus } from './buyer-view';
import { invoicesOfBuyerPath } from './paths';

const MAX_SHOWN = 200;

const STATUS_COLOR: Readonly<Record<InvoiceStatus, string>> = {
  paid: 'teal.9',
  open: 'navy.7',
  overdue: 'red.9',
  disputed: 'orange.9',
};

export function BuyerInvoices({
  buyerId,
  lines,
}: {
  readonly buyerId: string;
  readonly lines: readonly InvoiceLine[];
}) {
  const { t } = useTranslation();
  const shown = lines.slice(0, MAX_SHOWN);
  const [isLetterOpen, setIsLetterOpen] = useState(false);
  // « Lettre de relance » for every overdue invoice of the buyer (the letter keeps those past due on its date).
  const overdue = lines
    .filter((line) => line.status === 'overdue')
    .map((line) => ({ ...line.invoice, openTtcCents: line.openTtcCents }));
  return (
    <Paper withBorder radius="lg" p="lg" shadow="xs">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('buyer.invoices.title')}
          </Title>
          <Group gap="md">
            {overdue.length > 0 ? (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconMail size={14} aria-hidden />}
                onClick={() => {
                  setIsLetterOpen(true);
                }}
              >
                {t('letters.actions.buyerReminder')}
              </Button>
            ) : null}
            <Anchor component={Link} to={invoicesOfBuyerPath(buyerId)} size="sm">
              <Group gap={4} component="span">
                {t('buyer.invoices.openInInvoices')}
                <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          </Group>
        </Group>
        {isLetterOpen ? (
          <LetterPreviewModal
            kind="reminder"
            buyerId={buyerId}
            invoices={overdue}
            onClose={() => {
              setIsLetterOpen(false);
            }}
          />
        ) : null}
        {lines.length === 0 ? (
          <Text c="dimmed">{t('buyer.invoices.none')}</Text>
        ) : (
          <Table
            highlightOnHover
            aria-label={t('buyer.invoices.title')}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('buyer.invoices.number')}</Table.Th>
                <Table.Th>{t('buyer.invoices.issued')}</Table.Th>
                <Table.Th>{t('buyer.invoices.due')}</Table.Th>
                <Table.Th ta="right">{t('buyer.invoices.amount')}</Table.Th>
                <Table.Th ta="right">{t('buyer.invoices.open')}</Table.Th>
                <Table.Th>{t('buyer.invoices.status')}</Table.Th>
                <Table.Th ta="right">{t('buyer.invoices.daysOverdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((line) => (
                <Table.Tr key={line.invoice.id}>
                  <Table.Td ff="monospace">{line.invoice.number}</Table.Td>
                  <Table.Td>{formatDate(line.invoice.issueDate)}</Table.Td>
                  <Table.Td>{formatDate(line.invoice.dueDate)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(line.invoice.amountTtcCents)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(line.openTtcCents)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[line.status]} radius="sm" variant="filled" tt="none">
                      {t(`buyer.invoices.statuses.${line.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {line.daysOverdue === 0 ? '—' : formatNumber(line.daysOverdue)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {lines.length > MAX_SHOWN ? (
          <Text size="sm" c="dimmed">
            {t('buyer.invoices.truncated', {
              shown: formatNumber(MAX_SHOWN),
              total: formatNumber(lines.length),
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
