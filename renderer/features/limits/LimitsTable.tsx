/**
 * The « Limites » tab: one row per buyer with a limit decision or an exposure — the limit in force today
 * (named or discretionary, else the unnamed threshold), the top-up, a temporary limit's end, the last
 * decision, a request still waiting for the insurer, and the exposure against the limit (stored aggregates:
 * nothing is recomputed here). Rows are drawn 50 at a time.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBuyerAggregates, useBuyers } from '../../data/hooks';
import { decisionsByBuyer, limitOverview, useLimitDecisions } from '../../data/limit-hooks';
import type { LimitOverview } from '../../data/limit-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { searchKey } from './alert-view';

const PAGE_SIZE = 50;

type Row = {
  readonly buyerId: string;
  readonly name: string;
  readonly overview: LimitOverview;
  readonly exposureCents: number;
  readonly limitCents: number;
};

function LimitCell({
  overview,
  limitCents,
}: {
  readonly overview: LimitOverview;
  readonly limitCents: number;
}) {
  const { t } = useTranslation();
  const primary = overview.primary;
  const layer = primary === null ? 'unnamed' : primary.decision.layer;
  const endDate = primary?.decision.kind === 'temporary' ? primary.decision.endDate : undefined;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(primary?.amountCents ?? limitCents)}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`limitForm.table.layer.${layer}`)}
        {endDate === undefined ? '' : ` · ${t('limitForm.table.until', { date: formatDate(endDate) })}`}
      </Text>
    </Stack>
  );
}

export function LimitsTable(props: { readonly onDecide: (buyerId: string) => void }) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const buyers = useBuyers();
  const aggregates = useBuyerAggregates();
  const decisions = useLimitDecisions();
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);

  const rows = useMemo<Row[]>(() => {
    if (buyers === undefined || aggregates === undefined || decisions === undefined) return [];
    const byBuyer = decisionsByBuyer(decisions);
    const aggregateOf = new Map(aggregates.map((aggregate) => [aggregate.buyerId, aggregate]));
    const list: Row[] = [];
    for (const buyer of buyers) {
      const own = byBuyer.get(buyer.id) ?? [];
      const aggregate = aggregateOf.get(buyer.id);
      const exposureCents = aggregate?.exposureCents ?? 0;
      if (own.length === 0 && exposureCents === 0) continue;
      list.push({
        buyerId: buyer.id,
        name: buyer.name,
        overview: limitOverview(own, today),
        exposureCents,
        limitCents: aggregate?.limitCents ?? 0,
      });
    }
    // Most exposed first: that is where a limit matters.
    return list.sort((a, b) => b.exposureCents - a.exposureCents || a.name.localeCompare(b.name, 'fr'));
  }, [buyers, aggregates, decisions, today]);

  const needle = searchKey(search);
  const visible = needle === '' ? rows : rows.filter((row) => searchKey(row.name).includes(needle));

  return (
    <Stack gap="md">
      <TextInput
        label={t('limitForm.table.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
        }}
        maw={360}
      />
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="limits-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('limitForm.table.buyer')}</Table.Th>
              <Table.Th scope="col">{t('limitForm.table.limit')}</Table.Th>
              <Table.Th scope="col">{t('limitForm.table.topUp')}</Table.Th>
              <Table.Th scope="col">{t('limitForm.table.lastDecision')}</Table.Th>
              <Table.Th scope="col">{t('limitForm.table.pending')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('limitForm.table.exposure')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('limitForm.table.usage')}
              </Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('limitForm.table.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.slice(0, shown).map((row) => {
              const { overview } = row;
              const last = overview.lastDecision;
              const pending = overview.pendingRequest;
              const isOver = row.limitCents > 0 && row.exposureCents > row.limitCents;
              return (
                <Table.Tr key={row.buyerId}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/buyers/${encodeURIComponent(row.buyerId)}`} size="sm">
                      {row.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <LimitCell overview={overview} limitCents={row.limitCents} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {overview.topUp === null ? '—' : formatMoney(overview.topUp.amountCents)}
                  </Table.Td>
                  <Table.Td>
                    {last === null ? (
                      <Text size="sm" c="dimmed">
                        {t('limitForm.table.noDecision')}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        <Text size="sm">{t(`limitForm.kinds.${last.kind}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {formatDate(last.decisionDate)}
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {pending === null ? (
                      '—'
                    ) : (
                      <Badge color="yellow" variant="light" style={{ textTransform: 'none' }}>
                        {t('limitForm.table.pendingSince', {
                          amount: formatMoney(pending.requestedCents ?? 0),
                          date: formatDate(pending.decisionDate),
                        })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(row.exposureCents)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.limitCents > 0 ? (
                      <Text size="sm" fw={isOver ? 700 : 400} c={isOver ? 'red.9' : undefined}>
                        {formatPercent(row.exposureCents / row.limitCents)}
                      </Text>
                    ) : (
                      <Text size="sm" c="red.8" fw={700}>
                        {t('limitForm.table.noCover')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        props.onDecide(row.buyerId);
                      }}
                      aria-label={t('limitForm.table.decideFor', { name: row.name })}
                    >
                      {t('limitForm.table.decide')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {visible.length === 0 ? (
        <Text c="dimmed" ta="center">
          {t('limitForm.table.empty')}
        </Text>
      ) : null}
      {visible.length > shown ? (
        <Group justify="center">
          <Button
            variant="subtle"
            onClick={() => {
              setShown(shown + PAGE_SIZE);
            }}
          >
            {t('limitForm.table.showMore', { count: visible.length - shown })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
