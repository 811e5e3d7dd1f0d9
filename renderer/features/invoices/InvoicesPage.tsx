/**
 * Factures: every invoice in a virtualized grid with its open amount and status as of the workspace's
 * `today`, the filters, the aging summary of what the filters keep (bucket aside, so the other buckets stay
 * visible to click), and the actions in a side drawer. `?buyer=<id>` preselects a buyer (the buyer page
 * links here). Filters are applied through `useDeferredValue`, so typing stays responsive over 200 000 rows.
 */
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFileInvoice, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AgingBucket } from '../../../shared/domain/aging';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { pathOf } from '../../app/navigation';
import { useBuyers } from '../../data/hooks';
import { useInvoiceGrid } from '../../data/invoice-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatNumber } from '../../lib/format';
import { AgingSummaryBar } from './AgingSummaryBar';
import { InvoiceDrawer } from './InvoiceDrawer';
import type { DrawerMode } from './InvoiceDrawer';
import { InvoiceFiltersBar } from './InvoiceFiltersBar';
import { InvoiceGridTable } from './InvoiceGridTable';
import { EMPTY_FILTERS, isFiltered, toGridFilter } from './invoice-filter-state';
import type { FilterState } from './invoice-filter-state';
import { agingSummary } from './invoice-grid-model';
import type { GridSort, InvoiceGridRow, SortColumn } from './invoice-grid-model';

/**
 * On opening, the credit manager's worklist: « Retard » descending, i.e. open invoices first, the most
 * overdue at the top, then those falling due soonest, settled ones last (the grid model's urgency order).
 * A sort rather than a default « open only » status filter, so the count still says how many invoices
 * there are in all and nothing is hidden; « Réinitialiser » comes back here.
 */
const DEFAULT_SORT: GridSort = { column: 'daysOverdue', direction: 'desc' };

const isDefaultSort = (sort: GridSort): boolean =>
  sort.column === DEFAULT_SORT.column && sort.direction === DEFAULT_SORT.direction;

export function InvoicesPage() {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const grid = useInvoiceGrid();
  const buyers = useBuyers();
  const [searchParams, setSearchParams] = useSearchParams();
  const [filters, setFilters] = useState<FilterState>(() => ({
    ...EMPTY_FILTERS,
    buyerId: searchParams.get('buyer'),
  }));
  const [sort, setSort] = useState<GridSort>(DEFAULT_SORT);
  const [openId, setOpenId] = useState<string | null>(null);
  const [mode, setMode] = useState<DrawerMode | null>(null);
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);

  const order = useMemo(
    () => grid?.query(deferredSort, toGridFilter(deferredFilters)),
    [grid, deferredSort, deferredFilters],
  );
  // The summary ignores the bucket filter, so every bucket keeps its amount and can be clicked.
  const summary = useMemo(() => {
    if (grid === undefined) return undefined;
    const kept = grid.query(DEFAULT_SORT, toGridFilter({ ...deferredFilters, buckets: [] }));
    const rows: InvoiceGridRow[] = [];
    for (const index of kept) {
      const row = grid.rows[index];
      if (row !== undefined) rows.push(row);
    }
    return agingSummary(rows);
  }, [grid, deferredFilters]);
  const rowById = useMemo(() => new Map(grid?.rows.map((row) => [row.id, row])), [grid]);
  const buyerOptions = useMemo(
    () => (buyers ?? []).map((buyer) => ({ value: buyer.id, label: buyer.name })),
    [buyers],
  );

  const changeFilters = (patch: Partial<FilterState>) => {
    setFilters((current) => ({ ...current, ...patch }));
    if ('buyerId' in patch) {
      const next = new URLSearchParams(searchParams);
      if (patch.buyerId === null || patch.buyerId === undefined) next.delete('buyer');
      else next.set('buyer', patch.buyerId);
      setSearchParams(next, { replace: true });
    }
  };
  const toggleBucket = (bucket: AgingBucket) => {
    changeFilters({
      buckets: filters.buckets.includes(bucket)
        ? filters.buckets.filter((b) => b !== bucket)
        : [...filters.buckets, bucket],
    });
  };
  const changeSort = (column: SortColumn) => {
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : // A new column starts with what its reader wants first: the most days late, else the natural order.
          { column, direction: column === 'daysOverdue' ? 'desc' : 'asc' },
    );
  };

  const newButton = (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => {
        setOpenId(null);
        setMode('create');
      }}
      disabled={buyers === undefined || buyers.length === 0}
    >
      {t('invoices.new')}
    </Button>
  );
  const header = (
    <PageHeader
      title={t('invoices.title')}
      subtitle={t('invoices.subtitle', { date: formatDate(today) })}
      actions={newButton}
    />
  );
  const drawer = (
    <InvoiceDrawer
      mode={mode}
      invoice={openId === null ? undefined : rowById.get(openId)}
      buyers={buyers ?? []}
      defaultBuyerId={filters.buyerId}
      onMode={setMode}
    />
  );

  if (grid === undefined || order === undefined || summary === undefined) {
    return (
      <>
        {header}
        <Group justify="center" py="xl">
          <Loader aria-label={t('invoices.loading')} />
          <Text c="dimmed">{t('invoices.loading')}</Text>
        </Group>
      </>
    );
  }
  if (grid.rows.length === 0) {
    return (
      <>
        {header}
        <FeatureEmptyState
          page="invoices"
          icon={IconFileInvoice}
          action={{ label: t('common.goToImport'), to: pathOf('import') }}
        />
        {drawer}
      </>
    );
  }

  return (
    <>
      {header}
      <Stack gap="md">
        <InvoiceFiltersBar state={filters} buyers={buyerOptions} onChange={changeFilters} />
        <AgingSummaryBar summary={summary} selected={filters.buckets} onToggle={toggleBucket} />
        <Group justify="space-between" align="center">
          <Group gap="md">
            <Text size="sm" fw={600} role="status" data-testid="invoice-count">
              {t('invoices.count', {
                count: order.length,
                shown: formatNumber(order.length),
                total: formatNumber(grid.rows.length),
              })}
            </Text>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => {
                changeFilters(EMPTY_FILTERS);
                setSort(DEFAULT_SORT);
              }}
              disabled={!isFiltered(filters) && isDefaultSort(sort)}
            >
              {t('invoices.filters.reset')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" id="invoice-grid-hint">
            {t('invoices.grid.keyboardHint')}
          </Text>
        </Group>
        <InvoiceGridTable
          rows={grid.rows}
          order={order}
          sort={deferredSort}
          onSort={changeSort}
          onOpen={(row) => {
            setOpenId(row.id);
            setMode('detail');
          }}
        />
      </Stack>
      {drawer}
    </>
  );
}
