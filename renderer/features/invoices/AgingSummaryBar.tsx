/**
 * The aging summary (balance âgée) above the grid: the open amount of each bucket over the invoices the
 * other filters keep. Each bucket is a toggle button (aria-pressed) that filters the grid on it.
 */
import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '../../../shared/domain/aging';
import type { AgingBucket } from '../../../shared/domain/aging';
import { formatMoney, formatNumber } from '../../lib/format';
import type { AgingSummary } from './invoice-grid-model';

const BUCKET_ACCENTS: Readonly<Record<AgingBucket, string>> = {
  notDue: 'var(--mantine-color-teal-6)',
  days1To30: 'var(--mantine-color-yellow-6)',
  days31To60: 'var(--mantine-color-orange-6)',
  days61To90: 'var(--mantine-color-red-6)',
  over90: 'var(--mantine-color-red-9)',
};

export function AgingSummaryBar(props: {
  readonly summary: AgingSummary;
  readonly selected: readonly AgingBucket[];
  readonly onToggle: (bucket: AgingBucket) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="invoice-aging-title">
      <Group justify="space-between" align="baseline" mb={6}>
        <Text id="invoice-aging-title" fw={700} size="sm" component="h2">
          {t('invoices.summary.title')}
        </Text>
        <Text size="sm">
          {t('invoices.summary.total')}{' '}
          <Text span fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatMoney(props.summary.totalCents)}
          </Text>
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {AGING_BUCKETS.map((bucket) => {
          const isSelected = props.selected.includes(bucket);
          return (
            <UnstyledButton
              key={bucket}
              aria-pressed={isSelected}
              onClick={() => {
                props.onToggle(bucket);
              }}
              title={t('invoices.summary.hint')}
            >
              <Paper
                withBorder
                radius="md"
                p="sm"
                style={{
                  borderLeft: `4px solid ${BUCKET_ACCENTS[bucket]}`,
                  background: isSelected ? 'var(--mantine-color-blue-light)' : undefined,
                  outline: isSelected ? '2px solid var(--mantine-color-blue-6)' : undefined,
                }}
              >
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  {t(`invoices.buckets.${bucket}`)}
                </Text>
                <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(props.summary.buckets[bucket])}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('invoices.summary.invoices', { n: formatNumber(props.summary.counts[bucket]) })}
                </Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
