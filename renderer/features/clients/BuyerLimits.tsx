/**
 * « Limites »: the limit in force today (per layer and in total) and the dated history of every decision —
 * replayed by the domain's `limitHistory`, so expiries of temporary limits and validity ends appear as rows
 * too. Links to record a decision (Limites page) and to ask « Puis-je livrer ? ».
 */
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconTruckDelivery } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { limitHistory, limitInForce } from '../../../shared/domain/limits';
import type { LimitSource } from '../../../shared/commands/entities';
import type { BuyerLedger } from '../../../shared/domain/model';
import type { Cents } from '../../../shared/domain/types';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney } from '../../lib/format';
import { LAYERS } from './buyer-view';
import { LimitAmount } from './LimitAmount';
import { canShipPath, recordDecisionPath } from './paths';

export function BuyerLimits({
  buyerId,
  ledger,
  limitCents,
  limitSource,
  coveredCents,
}: {
  readonly buyerId: string;
  readonly ledger: BuyerLedger;
  /** Primary + top-up limit in force today (the aggregate's figure, unnamed threshold included). */
  readonly limitCents: Cents;
  /** What that limit is (the aggregate's `limitSource`). */
  readonly limitSource: LimitSource | undefined;
  /** Covered today: a limit ended at 0 may still cover earlier shipments. */
  readonly coveredCents: Cents;
}) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const decisions = ledger.limitDecisions;
  const rows = useMemo(() => [...limitHistory(decisions)].reverse(), [decisions]);
  const byId = useMemo(() => new Map(decisions.map((decision) => [decision.id, decision])), [decisions]);
  const inForce = LAYERS.map((layer) => ({ layer, inForce: limitInForce(decisions, layer, today) })).filter(
    (entry) => entry.inForce !== null,
  );
  const money = (cents: Cents | null | undefined): string =>
    cents === null || cents === undefined ? '—' : formatMoney(cents);
  return (
    <Stack gap="lg">
      <Paper withBorder radius="lg" p="lg" shadow="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={2} size="h4">
              {t('buyer.limits.inForceTitle', { date: formatDate(today) })}
            </Title>
            <Text component="div" size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              <LimitAmount
                limitCents={limitCents}
                source={limitSource}
                coveredCents={coveredCents}
                size="xl"
                align="left"
                isNoteWrapped
              />
            </Text>
            {inForce.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('buyer.limits.noDecision')}
              </Text>
            ) : (
              <SimpleGrid cols={inForce.length} spacing="lg">
                {inForce.map((entry) => (
                  <Text key={entry.layer} size="sm">
                    {t(`buyer.limits.layers.${entry.layer}`)} : <b>{money(entry.inForce?.amountCents)}</b>
                  </Text>
                ))}
              </SimpleGrid>
            )}
          </Stack>
          <Group gap="sm">
            <Button
              component={Link}
              to={recordDecisionPath(buyerId)}
              leftSection={<IconShieldCheck size={16} aria-hidden />}
            >
              {t('buyer.limits.record')}
            </Button>
            <Button
              component={Link}
              to={canShipPath(buyerId)}
              variant="light"
              leftSection={<IconTruckDelivery size={16} aria-hidden />}
            >
              {t('buyer.limits.canShip')}
            </Button>
          </Group>
        </Group>
      </Paper>
      <Paper withBorder radius="lg" p="lg" shadow="xs">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('buyer.limits.historyTitle')}
          </Title>
          {rows.length === 0 ? (
            <Text c="dimmed">{t('buyer.limits.noHistory')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table
                aria-label={t('buyer.limits.historyTitle')}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('buyer.limits.effective')}</Table.Th>
                    <Table.Th>{t('buyer.limits.event')}</Table.Th>
                    <Table.Th>{t('buyer.limits.layer')}</Table.Th>
                    <Table.Th ta="right">{t('buyer.limits.amount')}</Table.Th>
                    <Table.Th ta="right">{t('buyer.limits.previous')}</Table.Th>
                    <Table.Th ta="right">{t('buyer.limits.requested')}</Table.Th>
                    <Table.Th>{t('buyer.limits.decided')}</Table.Th>
                    <Table.Th>{t('buyer.limits.end')}</Table.Th>
                    <Table.Th>{t('buyer.limits.reference')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={`${row.decisionId}:${row.event}:${row.date}`}>
                      <Table.Td>{formatDate(row.date)}</Table.Td>
                      <Table.Td fw={600}>{t(`buyer.limits.events.${row.event}`)}</Table.Td>
                      <Table.Td>{t(`buyer.limits.layers.${row.layer}`)}</Table.Td>
                      <Table.Td ta="right">{money(row.amountCents)}</Table.Td>
                      <Table.Td ta="right">{money(row.previousAmountCents)}</Table.Td>
                      <Table.Td ta="right">{money(row.requestedCents)}</Table.Td>
                      <Table.Td>{formatDate(row.decisionDate)}</Table.Td>
                      <Table.Td>{row.endDate === undefined ? '—' : formatDate(row.endDate)}</Table.Td>
                      <Table.Td ff="monospace">{byId.get(row.decisionId)?.insurerReference ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
