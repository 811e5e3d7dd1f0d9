import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BuyerAggregate, BuyerRow } from '../../../shared/commands/entities';
import type { Cents } from '../../../shared/domain/types';
import { pathOf } from '../../app/navigation';
import { BuyerName } from '../../components/BuyerName';
import { formatDate, formatMoney } from '../../lib/format';
import { GradeBadge } from './GradeBadge';
import { LimitAmount } from './LimitAmount';

function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

/** One key figure as a term and its value (a description list reads well with a screen reader). */
function Figure(props: { readonly label: string; readonly value: ReactNode; readonly isAlert?: boolean }) {
  return (
    <Paper withBorder radius="md" p="sm" component="div">
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {props.label}
      </Text>
      <Text
        component="dd"
        m={0}
        fw={700}
        size="lg"
        c={props.isAlert === true ? 'red.9' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {props.value}
      </Text>
    </Paper>
  );
}

export function BuyerHeader({
  buyer,
  figures,
  balanceCents,
}: {
  readonly buyer: BuyerRow;
  readonly figures: BuyerAggregate;
  readonly balanceCents: Cents;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Anchor component={Link} to={pathOf('clients')} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('buyer.backToList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            <BuyerName id={buyer.id} name={buyer.name} />
          </Title>
          <Group gap="sm">
            <Text size="sm" c="dimmed" ff={buyer.siren === undefined ? undefined : 'monospace'}>
              {buyer.siren === undefined
                ? t('clients.noSiren')
                : `${t('clients.sirenShort')} ${formatSiren(buyer.siren)}`}
            </Text>
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {t('buyer.gradeLabel')}
              </Text>
              <GradeBadge grade={buyer.grade} />
            </Group>
            {buyer.insolvency === undefined ? null : (
              <Badge color="red.9" radius="sm" tt="none">
                {t('buyer.insolvency', {
                  kind: t(`buyer.procedures.${buyer.insolvency.kind}`),
                  date: formatDate(buyer.insolvency.judgmentDate),
                })}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" m={0}>
        <Figure label={t('buyer.figures.exposure')} value={formatMoney(figures.exposureCents)} />
        <Figure
          label={t('buyer.figures.limit')}
          value={
            <LimitAmount
              limitCents={figures.limitCents}
              source={figures.limitSource}
              coveredCents={figures.coveredCents}
              size="lg"
              align="left"
              isNoteWrapped
            />
          }
        />
        <Figure label={t('buyer.figures.covered')} value={formatMoney(figures.coveredCents)} />
        <Figure
          label={t('buyer.figures.uncovered')}
          value={formatMoney(figures.uncoveredCents)}
          isAlert={figures.uncoveredCents > 0}
        />
        <Figure
          label={t('buyer.figures.overdue')}
          value={formatMoney(figures.overdueCents)}
          isAlert={figures.overdueCents > 0}
        />
        <Figure label={t('buyer.figures.balance')} value={formatMoney(balanceCents)} />
      </SimpleGrid>
    </Stack>
  );
}
