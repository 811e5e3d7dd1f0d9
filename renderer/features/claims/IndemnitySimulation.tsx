/**
 * The indemnity of a claim worked out by the domain's `computeIndemnity`, from the figures frozen when the
 * claim was opened; the user may change the covered debt, the recoveries before the loss and the limit, and
 * the working follows as they type. Recoveries after the indemnity are listed with their insurer / insured
 * split as recorded on the timeline (`splitRecoveryAfterIndemnity`).
 */
import { Divider, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimRow } from '../../../shared/commands/entities';
import { computeIndemnity } from '../../../shared/domain/indemnity';
import { formatCents, parseAmount } from '../../../shared/domain/money';
import type { Policy } from '../../../shared/domain/policy';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';

/** « 30 000,00 » as a user types it (no currency sign). */
function inputOf(cents: number): string {
  return formatCents(cents, { currency: 'EUR', locale: 'fr-FR' }).replace(/\s*€$/, '');
}

function centsOr(text: string, fallback: number): number {
  const parsed = parseAmount(text);
  return parsed.ok && parsed.cents >= 0 ? parsed.cents : fallback;
}

/**
 * The lines that take something off (the domain gives them as negative or zero amounts): shown « − 0,00 € »
 * so a deduction of nothing never reads as a cap or a deductible of nothing.
 */
const DEDUCTION_STEPS: ReadonlySet<string> = new Set([
  'recoveries-before-loss',
  'per-claim-deductible',
  'max-liability-cap',
  'aggregate-deductible',
]);

export function IndemnitySimulation({
  claim,
  policy,
}: {
  readonly claim: ClaimRow;
  readonly policy: Policy;
}) {
  const { t } = useTranslation();
  const [covered, setCovered] = useState(() => inputOf(claim.coveredOpenCents));
  const [recovered, setRecovered] = useState(() => inputOf(claim.recoveredBeforeSettlementCents));
  const [limit, setLimit] = useState(() => inputOf(claim.applicableLimitCents));
  const coveredCents = centsOr(covered, claim.coveredOpenCents);
  const recoveredCents = Math.min(centsOr(recovered, 0), coveredCents);
  const result = computeIndemnity(
    {
      coveredOpenCents: coveredCents,
      recoveriesBeforeLossCents: recoveredCents,
      limitCents: centsOr(limit, claim.applicableLimitCents),
      unpaidTtcCents: Math.max(0, claim.openTtcCents - claim.recoveredBeforeSettlementCents),
      quotityBp: claim.quotityBp,
    },
    policy,
  );
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('claims.simulation.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('claims.simulation.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('claims.simulation.coveredOpen')}
          value={covered}
          onChange={(e) => {
            setCovered(e.currentTarget.value);
          }}
          rightSection="€"
        />
        <TextInput
          label={t('claims.simulation.recoveries')}
          value={recovered}
          onChange={(e) => {
            setRecovered(e.currentTarget.value);
          }}
          rightSection="€"
        />
        <TextInput
          label={t('claims.simulation.limit')}
          value={limit}
          onChange={(e) => {
            setLimit(e.currentTarget.value);
          }}
          rightSection="€"
        />
      </SimpleGrid>
      <Table aria-label={t('claims.simulation.title')}>
        <Table.Tbody>
          {result.steps.map((step, index) => (
            <Table.Tr key={`${step.code}-${String(index)}`}>
              <Table.Th scope="row" fw={step.code === 'indemnity' ? 700 : 400}>
                {t(`claims.simulation.steps.${step.code}`, {
                  percent: formatPercent((step.quotityBp ?? 0) / 10_000),
                })}
              </Table.Th>
              <Table.Td
                style={{ textAlign: 'right', whiteSpace: 'nowrap' }}
                fw={step.code === 'indemnity' ? 700 : 400}
              >
                {DEDUCTION_STEPS.has(step.code)
                  ? `\u2212\u00a0${formatMoney(Math.abs(step.cents))}`
                  : formatMoney(step.cents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result.isBelowThreshold ? (
        <Text size="sm" c="orange.9">
          {t('claims.simulation.belowThreshold', { amount: formatMoney(policy.claimThresholdCents) })}
        </Text>
      ) : null}
      <Group justify="space-between">
        <Text fw={700}>{t('claims.simulation.result')}</Text>
        <Text fw={700} data-testid="simulated-indemnity">
          {formatMoney(result.indemnityCents)}
        </Text>
      </Group>
    </Stack>
  );
}

export function Recoveries({ claim }: { readonly claim: ClaimRow }) {
  const { t } = useTranslation();
  const rows = claim.timeline.filter((entry) => entry.recoverySplit !== undefined);
  const insurer = rows.reduce((sum, entry) => sum + (entry.recoverySplit?.insurerCents ?? 0), 0);
  const insured = rows.reduce((sum, entry) => sum + (entry.recoverySplit?.insuredCents ?? 0), 0);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('claims.recoveries.title')}
      </Title>
      {claim.recoveredBeforeSettlementCents > 0 ? (
        <Text size="sm">
          {t('claims.recoveries.before', { amount: formatMoney(claim.recoveredBeforeSettlementCents) })}
        </Text>
      ) : null}
      <Divider />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('claims.recoveries.none')}
        </Text>
      ) : (
        <Table aria-label={t('claims.recoveries.title')} data-testid="recoveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('claims.recoveries.date')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('claims.recoveries.amount')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('claims.recoveries.insurer')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('claims.recoveries.insured')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((entry, index) => (
              <Table.Tr key={`${entry.date}-${String(index)}`}>
                <Table.Th scope="row" fw={400}>
                  {formatDate(entry.date)}
                </Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>{formatMoney(entry.amountCents ?? 0)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {formatMoney(entry.recoverySplit?.insurerCents ?? 0)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {formatMoney(entry.recoverySplit?.insuredCents ?? 0)}
                </Table.Td>
              </Table.Tr>
            ))}
            {rows.length > 1 ? (
              <Table.Tr>
                <Table.Th scope="row">{t('claims.recoveries.total')}</Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>{formatMoney(insurer + insured)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatMoney(insurer)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatMoney(insured)}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
