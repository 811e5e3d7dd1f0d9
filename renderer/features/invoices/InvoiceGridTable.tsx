/**
 * The invoice grid: ARIA grid semantics (a read-only grid — rather than a table, because its rows are
 * operable from the keyboard — with rowgroup / row / columnheader with aria-sort / gridcell, plus
 * aria-rowcount and aria-rowindex since only the visible rows exist in the DOM), a sticky header and rows
 * virtualized by @tanstack/react-virtual inside the table's own scroll box, so 200 000 rows cost the DOM
 * only what fits on screen.
 *
 * Keyboard: one row at a time is in the tab order (roving tabindex); ↑ ↓ Page↑ Page↓ Home End move it
 * (scrolling it into view, then focusing it), Enter or a click opens the invoice. Sorting is the header
 * buttons'; the order itself comes from the grid model (`query`), never from sorting here.
 */
import { Badge, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuyerDisplayName } from '../../data/display-name';
import { formatDate, formatMoney } from '../../lib/format';
import type { GridSort, InvoiceGridRow, InvoiceStatus, SortColumn } from './invoice-grid-model';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 44;
const PAGE_ROWS = 10;

type ColumnDef = { readonly id: SortColumn; readonly isNumeric: boolean };

const COLUMNS: readonly ColumnDef[] = [
  { id: 'number', isNumeric: false },
  { id: 'buyer', isNumeric: false },
  { id: 'issueDate', isNumeric: false },
  { id: 'dueDate', isNumeric: false },
  { id: 'amountTtc', isNumeric: true },
  { id: 'openAmount', isNumeric: true },
  { id: 'status', isNumeric: false },
  { id: 'daysOverdue', isNumeric: true },
];

/** The columns after « N° facture »: the buyer takes what is left (its full name is its cell's title). */
const OTHER_COLUMNS = 'minmax(170px, 1fr) 106px 106px 136px 120px 156px 92px';

/**
 * « N° facture » sized for the longest number held: `ch` is a digit of the row's 16 px font, and the cell's
 * 14 px bold digits and capitals measure about 0.9 of it (0.95 for a margin), plus the cell's padding. Within bounds, so one
 * freak number cannot squeeze the buyer; a number that still does not fit is truncated, its full text in the
 * cell's title.
 */
const NUMBER_MIN_CH = 9;
const NUMBER_MAX_CH = 22;

function numberColumnChars(rows: readonly InvoiceGridRow[]): number {
  let longest = 0;
  for (const row of rows) if (row.number.length > longest) longest = row.number.length;
  return Math.min(NUMBER_MAX_CH, Math.max(NUMBER_MIN_CH, longest));
}

export const STATUS_COLORS: Readonly<Record<InvoiceStatus, string>> = {
  paid: 'teal',
  partiallyPaid: 'blue',
  notDue: 'gray',
  overdue: 'red',
  disputed: 'grape',
};

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    // Mantine's light badges (translucent, text in shade 6-9) fall below AA contrast at badge size: the
    // colour is carried by the tint and the border, the text stays dark.
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      styles={{
        root: {
          background: `var(--mantine-color-${STATUS_COLORS[status]}-0)`,
          border: `1px solid var(--mantine-color-${STATUS_COLORS[status]}-5)`,
        },
        label: { color: 'var(--mantine-color-dark-7)' },
      }}
    >
      {t(`invoices.status.${status}`)}
    </Badge>
  );
}

export function InvoiceGridTable(props: {
  readonly rows: readonly InvoiceGridRow[];
  readonly order: Uint32Array;
  readonly sort: GridSort;
  readonly onSort: (column: SortColumn) => void;
  readonly onOpen: (row: InvoiceGridRow) => void;
}) {
  const { t } = useTranslation();
  const displayName = useBuyerDisplayName();
  const { rows, order } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusPending, setFocusPending] = useState(false);
  const count = order.length;
  const numberChars = useMemo(() => numberColumnChars(rows), [rows]);
  const template = `calc(${numberChars} * 0.95ch + 22px) ${OTHER_COLUMNS}`;
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  // The virtualizer hands out fresh functions every render; the React Compiler skips this component, which
  // is what we want (the rows must re-render when it scrolls).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });

  // Focus follows the active row once it is rendered (it may just have been scrolled into view).
  const focusWhenPending = (element: HTMLDivElement | null) => {
    if (element !== null && focusPending) element.focus({ preventScroll: true });
  };

  const rowAt = (position: number): InvoiceGridRow | undefined => rows[order[position] ?? -1];

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    setFocusPending(true);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + PAGE_ROWS,
      PageUp: activeIndex - PAGE_ROWS,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
      return;
    }
    if (event.key === 'Enter') {
      const row = rowAt(activeIndex);
      if (row !== undefined) {
        event.preventDefault();
        props.onOpen(row);
      }
    }
  };

  const ariaSort = (column: SortColumn): 'ascending' | 'descending' | 'none' =>
    props.sort.column !== column ? 'none' : props.sort.direction === 'asc' ? 'ascending' : 'descending';

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-readonly="true"
      aria-label={t('invoices.grid.label')}
      aria-rowcount={count + 1}
      aria-describedby="invoice-grid-hint"
      style={{
        height: 'max(320px, calc(100vh - 430px))',
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        background: 'var(--mantine-color-body)',
      }}
    >
      <div
        role="rowgroup"
        style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-default-hover)' }}
      >
        <div
          role="row"
          aria-rowindex={1}
          style={{
            display: 'grid',
            gridTemplateColumns: template,
            height: HEADER_HEIGHT,
            alignItems: 'center',
            borderBottom: '1px solid var(--mantine-color-default-border)',
            background: 'var(--mantine-color-gray-0)',
          }}
        >
          {COLUMNS.map((column) => {
            const sorted = ariaSort(column.id);
            const SortIcon =
              sorted === 'ascending' ? IconArrowUp : sorted === 'descending' ? IconArrowDown : IconArrowsSort;
            return (
              <div role="columnheader" aria-sort={sorted} key={column.id} style={{ padding: '0 10px' }}>
                <UnstyledButton
                  onClick={() => {
                    props.onSort(column.id);
                  }}
                  style={{
                    display: 'flex',
                    width: '100%',
                    alignItems: 'center',
                    gap: 4,
                    justifyContent: column.isNumeric ? 'flex-end' : 'flex-start',
                  }}
                >
                  <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {t(`invoices.columns.${column.id}`)}
                  </Text>
                  <SortIcon
                    size={14}
                    aria-hidden
                    stroke={sorted === 'none' ? 1.4 : 2.2}
                    style={{ flexShrink: 0 }}
                  />
                </UnstyledButton>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {count === 0 ? (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" style={{ padding: 24 }}>
              <Text c="dimmed">{t('invoices.grid.noMatch')}</Text>
            </div>
          </div>
        ) : null}
        {virtualizer.getVirtualItems().map((item) => {
          const row = rowAt(item.index);
          if (row === undefined) return null;
          const isActive = item.index === activeIndex;
          return (
            <div
              key={row.id}
              role="row"
              aria-rowindex={item.index + 2}
              data-row-position={item.index}
              tabIndex={isActive ? 0 : -1}
              ref={isActive ? focusWhenPending : undefined}
              onKeyDown={onKeyDown}
              onClick={() => {
                setActive(item.index);
                props.onOpen(row);
              }}
              onFocus={() => {
                setFocusPending(false);
                if (!isActive) setActive(item.index);
              }}
              className="invoice-grid-row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                display: 'grid',
                gridTemplateColumns: template,
                alignItems: 'center',
                borderBottom: '1px solid var(--mantine-color-default-border)',
                // The lightest blue, so the red days late keep AA contrast on the active row; the inset bar
                // on its left edge is what makes it stand out.
                background: isActive ? 'var(--mantine-color-blue-0)' : undefined,
                boxShadow: isActive ? 'inset 4px 0 0 var(--mantine-color-blue-6)' : undefined,
                cursor: 'pointer',
              }}
            >
              <Cell>
                <Text size="sm" fw={600} truncate title={row.number}>
                  {row.number}
                </Text>
              </Cell>
              <Cell>
                <Text size="sm" truncate title={displayName({ id: row.buyerId, name: row.buyerName })}>
                  {displayName({ id: row.buyerId, name: row.buyerName })}
                </Text>
              </Cell>
              <Cell>
                <Text size="sm">{formatDate(row.issueDate)}</Text>
              </Cell>
              <Cell>
                <Text size="sm">{formatDate(row.dueDate)}</Text>
              </Cell>
              <Cell isNumeric>
                <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(row.amountTtcCents, row.currency)}
                </Text>
              </Cell>
              <Cell isNumeric>
                <Text
                  size="sm"
                  fw={row.openTtcCents > 0 ? 600 : 400}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {formatMoney(row.openTtcCents, row.currency)}
                </Text>
              </Cell>
              <Cell>
                <StatusBadge status={row.status} />
              </Cell>
              <Cell isNumeric>
                {row.daysOverdue > 0 ? (
                  <Text size="sm" c="red.9" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('invoices.daysLate', { count: row.daysOverdue })}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed" aria-hidden>
                    —
                  </Text>
                )}
              </Cell>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Cell(props: { readonly isNumeric?: boolean; readonly children: React.ReactNode }) {
  return (
    <div
      role="gridcell"
      style={{
        padding: '0 10px',
        minWidth: 0,
        textAlign: props.isNumeric === true ? 'right' : 'left',
        display: 'flex',
        justifyContent: props.isNumeric === true ? 'flex-end' : 'flex-start',
      }}
    >
      {props.children}
    </div>
  );
}
