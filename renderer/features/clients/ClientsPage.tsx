/**
 * Clients: every buyer with its stored figures (encours, limite, couvert / non couvert, échu, alertes), a
 * search, filters and sortable columns. Reads the stored per-buyer aggregates only — never the invoices — so
 * 10 000 buyers stay smooth; the search is deferred so typing never waits for the filtering.
 */
import { Button, Chip, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../app/navigation';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useBuyerAggregates, useBuyers } from '../../data/hooks';
import { formatMoney, formatNumber } from '../../lib/format';
import { CLIENT_FILTERS, clientRowsOf, clientSearchOf, summaryOf, visibleRows } from './clients-list';
import type { ClientFilter } from './clients-list';
import { ClientsTable } from './ClientsTable';
import { NewBuyerModal } from './NewBuyerModal';

function isClientFilter(value: string): value is ClientFilter {
  return CLIENT_FILTERS.some((filter) => filter === value);
}

export function ClientsPage() {
  const { t } = useTranslation();
  const buyers = useBuyers();
  const aggregates = useBuyerAggregates();
  const [isCreating, creating] = useDisclosure(false);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<ClientFilter[]>([]);
  const deferredQuery = useDeferredValue(query);

  const rows = useMemo(
    () => (buyers === undefined || aggregates === undefined ? undefined : clientRowsOf(buyers, aggregates)),
    [buyers, aggregates],
  );
  const shown = useMemo(
    () => (rows === undefined ? [] : visibleRows(rows, clientSearchOf(deferredQuery), filters)),
    [rows, deferredQuery, filters],
  );
  const summary = summaryOf(shown, rows?.length ?? 0);

  const header = (
    <PageHeader
      title={t('pages.clients.title')}
      subtitle={t('pages.clients.subtitle')}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={creating.open}>
          {t('clients.create.open')}
        </Button>
      }
    />
  );
  const modal = <NewBuyerModal opened={isCreating} onClose={creating.close} />;

  if (rows === undefined) {
    return (
      <>
        {header}
        <Loader aria-label={t('clients.loading')} />
      </>
    );
  }
  if (rows.length === 0) {
    return (
      <>
        {header}
        <FeatureEmptyState
          page="clients"
          icon={IconUsers}
          action={{ label: t('common.goToImport'), to: pathOf('import') }}
        />
        {modal}
      </>
    );
  }

  return (
    <>
      {header}
      <Paper withBorder radius="lg" p="md" shadow="xs">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              label={t('clients.search.label')}
              placeholder={t('clients.search.placeholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={query}
              onChange={(event) => {
                setQuery(event.currentTarget.value);
              }}
              w={340}
              type="search"
            />
            <Chip.Group
              multiple
              value={filters}
              onChange={(values) => {
                setFilters(values.filter(isClientFilter));
              }}
            >
              <Group gap="xs" role="group" aria-label={t('clients.filters.label')}>
                {CLIENT_FILTERS.map((filter) => (
                  <Chip key={filter} value={filter} size="sm" variant="outline">
                    {t(`clients.filters.${filter}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Group>
          <Text size="sm" aria-live="polite" data-testid="clients-summary">
            {t('clients.summary', {
              shown: formatNumber(summary.shown),
              total: formatNumber(summary.total),
              exposure: formatMoney(summary.exposureCents),
              uncovered: formatMoney(summary.uncoveredCents),
            })}
          </Text>
          {shown.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {t('clients.noMatch')}
            </Text>
          ) : (
            <ClientsTable rows={shown} />
          )}
        </Stack>
      </Paper>
      {modal}
    </>
  );
}
