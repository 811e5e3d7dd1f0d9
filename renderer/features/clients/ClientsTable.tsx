/**
 * The buyers table: @tanstack/react-table holds the column model and the sort state, @tanstack/react-virtual
 * renders only the rows in view (10 000 buyers stay smooth). It stays a real <table>: the rows out of view are
 * replaced by two spacer rows, so headers, cells and aria-sort keep their meaning for screen readers.
 *
 * Keyboard: each sortable header is a button; the buyer's name is a link (Enter opens the buyer page); a
 * mouse click anywhere on a row opens it too.
 */
import { Anchor, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  IconAlertOctagonFilled,
  IconAlertTriangleFilled,
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
} from '@tabler/icons-react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import type { Header, SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BuyerName } from '../../components/BuyerName';
import { formatMoney } from '../../lib/format';
import type { ClientRow } from './clients-list';
import { ExposureBar } from './ExposureBar';
import { GradeBadge } from './GradeBadge';
import { LimitAmount } from './LimitAmount';
import { buyerPath } from './paths';

const ROW_HEIGHT = 56;
const column = createColumnHelper<ClientRow>();

function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

function SortIcon({ direction }: { readonly direction: false | 'asc' | 'desc' }) {
  if (direction === 'asc') return <IconArrowUp size={14} aria-hidden />;
  if (direction === 'desc') return <IconArrowDown size={14} aria-hidden />;
  return <IconArrowsSort size={14} aria-hidden opacity={0.45} />;
}

function HeaderCell({ header }: { readonly header: Header<ClientRow, unknown> }) {
  const isNumeric = header.column.columnDef.meta?.isNumeric === true;
  const sorted = header.column.getIsSorted();
  const content = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <Table.Th
      ta={isNumeric ? 'right' : undefined}
      w={header.column.columnDef.meta?.width}
      aria-sort={
        !header.column.getCanSort()
          ? undefined
          : sorted === 'asc'
            ? 'ascending'
            : sorted === 'desc'
              ? 'descending'
              : 'none'
      }
    >
      {header.column.getCanSort() ? (
        <UnstyledButton
          onClick={header.column.getToggleSortingHandler()}
          fw={600}
          fz="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {content}
          <SortIcon direction={sorted} />
        </UnstyledButton>
      ) : (
        content
      )}
    </Table.Th>
  );
}

declare module '@tanstack/react-table' {
  // Declaration merging needs the interface form and the library's own type parameter names.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    readonly isNumeric?: boolean;
    readonly width?: number | string;
  }
}

export function ClientsTable({ rows }: { readonly rows: ClientRow[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // By name (accent-free, French collation) until the user picks a column: « Établissements » sorts under E.
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('clients.columns.name'),
        sortingFn: (a, b) => a.original.nameKey.localeCompare(b.original.nameKey, 'fr'),
        cell: (info) => (
          <div>
            <Anchor
              component={Link}
              to={buyerPath(info.row.original.id)}
              fw={600}
              size="sm"
              lineClamp={1}
              onClick={(event) => {
                event.stopPropagation();
              }}
            >
              <BuyerName id={info.row.original.id} name={info.getValue()} />
            </Anchor>
            <Text size="xs" c="dimmed" ff={info.row.original.siren === undefined ? undefined : 'monospace'}>
              {info.row.original.siren === undefined
                ? t('clients.noSiren')
                : `${t('clients.sirenShort')} ${formatSiren(info.row.original.siren)}`}
            </Text>
          </div>
        ),
      }),
      column.accessor((row) => row.grade ?? 0, {
        id: 'grade',
        header: t('clients.columns.grade'),
        sortUndefined: 'last',
        meta: { width: 80 },
        cell: (info) => <GradeBadge grade={info.row.original.grade} />,
      }),
      column.accessor('exposureCents', {
        header: t('clients.columns.exposure'),
        meta: { isNumeric: true },
        cell: (info) => formatMoney(info.getValue()),
      }),
      column.accessor('limitCents', {
        header: t('clients.columns.limit'),
        meta: { isNumeric: true },
        cell: (info) => (
          <LimitAmount
            limitCents={info.getValue()}
            source={info.row.original.limitSource}
            coveredCents={info.row.original.coveredCents}
          />
        ),
      }),
      column.accessor('uncoveredCents', {
        header: t('clients.columns.bar'),
        meta: { width: 160 },
        cell: (info) => <ExposureBar {...info.row.original} />,
      }),
      column.accessor('overdueCents', {
        header: t('clients.columns.overdue'),
        meta: { isNumeric: true },
        cell: (info) =>
          info.getValue() === 0 ? (
            <Text span c="dimmed" size="sm">
              —
            </Text>
          ) : (
            <Text span c="red.9" size="sm" fw={600}>
              {formatMoney(info.getValue())}
            </Text>
          ),
      }),
      column.accessor((row) => row.criticalAlerts * 1_000_000 + row.warningAlerts, {
        id: 'alerts',
        header: t('clients.columns.alerts'),
        meta: { width: 110 },
        cell: (info) => <AlertCounts row={info.row.original} />,
      }),
    ],
    [t],
  );
  // TanStack's table object is rebuilt by the library itself; the React Compiler skipping this component is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    sortDescFirst: true,
  });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const columnCount = columns.length;

  return (
    <div
      ref={scrollRef}
      data-testid="clients-scroll"
      style={{ height: 'calc(100vh - 330px)', minHeight: 320, overflow: 'auto' }}
    >
      <Table stickyHeader highlightOnHover verticalSpacing={6} aria-label={t('clients.tableLabel')}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = tableRows[item.index];
            if (row === undefined) return null;
            return (
              <Table.Tr
                key={row.id}
                h={ROW_HEIGHT}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(buyerPath(row.original.id))}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td
                    key={cell.id}
                    ta={cell.column.columnDef.meta?.isNumeric === true ? 'right' : undefined}
                    style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * The buyer's alerts as compact counts: a red octagon and the number of critical alerts, an orange triangle
 * and the number of warnings (shape and colour both tell them apart), said in words to screen readers and
 * in the tooltip (« 2 alertes critiques, 1 à surveiller »).
 */
function AlertCounts({ row }: { readonly row: ClientRow }) {
  const { t } = useTranslation();
  const { criticalAlerts: critical, warningAlerts: warning } = row;
  if (critical + warning === 0) {
    return (
      <Text span c="dimmed" size="sm" title={t('clients.alerts.none')}>
        <span aria-hidden="true">—</span>
        <VisuallyHidden>{t('clients.alerts.none')}</VisuallyHidden>
      </Text>
    );
  }
  const words: string[] = [];
  if (critical > 0) words.push(t('clients.alerts.critical', { count: critical }));
  if (warning > 0)
    words.push(
      t(critical > 0 ? 'clients.alerts.warningShort' : 'clients.alerts.warning', { count: warning }),
    );
  const label = words.join(', ');
  return (
    <Group gap="sm" wrap="nowrap" title={label} data-testid="alert-counts">
      {critical > 0 ? (
        <Group gap={4} wrap="nowrap" aria-hidden="true">
          <IconAlertOctagonFilled size={16} color="var(--mantine-color-red-8)" />
          <Text span size="sm" fw={700} c="red.9">
            {critical}
          </Text>
        </Group>
      ) : null}
      {warning > 0 ? (
        <Group gap={4} wrap="nowrap" aria-hidden="true">
          <IconAlertTriangleFilled size={16} color="var(--mantine-color-orange-6)" />
          <Text span size="sm" fw={700} c="orange.9">
            {warning}
          </Text>
        </Group>
      ) : null}
      <VisuallyHidden>{label}</VisuallyHidden>
    </Group>
  );
}
