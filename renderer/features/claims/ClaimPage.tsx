/**
 * One claim (route `/claims/:claimId`): who and what (buyer, invoices, amounts), the deadlines with their
 * countdowns (stop shipments, DMS, DIC, end of the waiting period — `claimDeadlines`; « dépassé » in red),
 * the dated timeline (events and notes), the steps (ClaimActions), the indemnity simulation, recoveries and
 * attached files; « Récapitulatif DMS / DIC » opens the summary for the insurer (ClaimSummaryModal).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ClaimEventRow, ClaimRow } from '../../../shared/commands/entities';
import { daysBetween } from '../../../shared/domain/dates';
import type { Policy } from '../../../shared/domain/policy';
import type { IsoDate } from '../../../shared/domain/types';
import { PageHeader } from '../../components/PageHeader';
import { useBuyerNames, useClaim, useClaimEvents, useInvoiceNumbers } from '../../data/claim-hooks';
import { useCommand } from '../../data/hooks';
import { useEffectivePolicy } from '../../data/policy-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { ClaimActions } from './ClaimActions';
import { ClaimAttachments } from './ClaimAttachments';
import { ClaimSummaryModal } from './ClaimSummaryModal';
import { deadlinesOf } from './claim-view';
import { IndemnitySimulation, Recoveries } from './IndemnitySimulation';

function Figure({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

function DeadlineRow({
  label,
  date,
  today,
  filedOn,
  isLate,
  pending,
}: {
  readonly label: string;
  readonly date: IsoDate | undefined;
  readonly today: IsoDate;
  readonly filedOn?: IsoDate | undefined;
  readonly isLate?: boolean;
  readonly pending?: string;
}) {
  const { t } = useTranslation();
  let status: React.ReactNode = null;
  if (date !== undefined) {
    if (filedOn !== undefined) {
      status = (
        <Text size="sm" c={isLate === true ? 'red.8' : 'teal.9'}>
          {t(isLate === true ? 'claims.deadlines.filedLate' : 'claims.deadlines.filedOn', {
            date: formatDate(filedOn),
          })}
        </Text>
      );
    } else {
      const days = daysBetween(today, date);
      status =
        days < 0 ? (
          <Text size="sm" c="red.8" fw={600}>
            {t('claims.deadlines.passed')} · {t('claims.deadlines.ago', { count: -days })}
          </Text>
        ) : (
          <Text size="sm" c={days <= 15 ? 'orange.9' : undefined}>
            {days === 0 ? t('claims.deadlines.today') : t('claims.deadlines.in', { count: days })}
          </Text>
        );
    }
  }
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {label}
      </Table.Th>
      <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
        {date === undefined ? (
          <Text size="sm" c="dimmed">
            {pending}
          </Text>
        ) : (
          formatDate(date)
        )}
      </Table.Td>
      <Table.Td>{status}</Table.Td>
    </Table.Tr>
  );
}

function Deadlines({ claim, policy }: { readonly claim: ClaimRow; readonly policy: Policy }) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const d = deadlinesOf(claim, policy);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('claims.deadlines.title')}
      </Title>
      <Table aria-label={t('claims.deadlines.title')} data-testid="claim-deadlines">
        <Table.Tbody>
          <DeadlineRow label={t('claims.deadlines.dueDate')} date={claim.dueDate} today={today} />
          <DeadlineRow label={t('claims.deadlines.maxExtensionEnd')} date={d.maxExtensionEnd} today={today} />
          <DeadlineRow
            label={t('claims.deadlines.dmsDeadline')}
            date={d.dmsDeadline}
            today={today}
            filedOn={claim.dmsFiledOn}
            isLate={claim.isDmsLate}
          />
          <DeadlineRow
            label={t('claims.deadlines.dicDeadline')}
            date={d.dicDeadline}
            today={today}
            filedOn={claim.dicFiledOn}
            isLate={claim.isDicLate}
          />
          <DeadlineRow
            label={t('claims.deadlines.waitingPeriodEnd')}
            date={d.waitingPeriodEnd}
            today={today}
            pending={t('claims.deadlines.afterDic')}
          />
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

type TimelineItem = {
  readonly key: string;
  readonly date: IsoDate;
  readonly title: string;
  readonly by: string;
  readonly detail: readonly string[];
  readonly isLate: boolean;
};

function Timeline({ claim, notes }: { readonly claim: ClaimRow; readonly notes: readonly ClaimEventRow[] }) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const [note, setNote] = useState('');
  const items: TimelineItem[] = [
    {
      key: 'opened',
      date: claim.openedOn,
      title: t('claims.timeline.opened'),
      by: claim.openedBy,
      detail: [],
      isLate: false,
    },
    ...claim.timeline.map((entry, index) => ({
      key: `e${String(index)}`,
      date: entry.date,
      title: t(`claims.events.${entry.type}`),
      by: entry.by,
      isLate: entry.isLate === true,
      detail: [
        ...(entry.amountCents === undefined ? [] : [formatMoney(entry.amountCents)]),
        ...(entry.recoverySplit === undefined
          ? []
          : [
              t('claims.timeline.split', {
                insurer: formatMoney(entry.recoverySplit.insurerCents),
                insured: formatMoney(entry.recoverySplit.insuredCents),
              }),
            ]),
        ...(entry.isLate === true && entry.deadline !== undefined
          ? [t('claims.timeline.late', { date: formatDate(entry.deadline) })]
          : []),
        ...(entry.note === undefined ? [] : [entry.note]),
      ],
    })),
    ...notes.map((row) => ({
      key: row.id,
      date: row.date,
      title: t('claims.events.note'),
      by: row.by,
      detail: [row.note ?? ''],
      isLate: false,
    })),
  ];
  // Stable sort: same-day items keep the order they were recorded in.
  items.sort((a, b) => a.date.localeCompare(b.date));
  const addNote = async () => {
    if (note.trim() === '') return;
    const result = await run('addClaimNote', {
      claimId: claim.id,
      id: crypto.randomUUID(),
      date: today,
      note: note.trim(),
    });
    if (result.ok) {
      setNote('');
      notifications.show({ message: t('claims.timeline.noteAdded') });
    }
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('claims.timeline.title')}
      </Title>
      <Stack
        gap="xs"
        component="ol"
        style={{ paddingLeft: 0, margin: 0, listStyle: 'none' }}
        data-testid="claim-timeline"
      >
        {items.map((item) => (
          <Group key={item.key} component="li" align="flex-start" gap="md" wrap="nowrap">
            <Text size="sm" fw={600} w={90} style={{ flexShrink: 0 }}>
              {formatDate(item.date)}
            </Text>
            <Stack gap={0}>
              <Text size="sm" fw={600} c={item.isLate ? 'red.8' : undefined}>
                {item.title}{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  {t('claims.timeline.by', { by: item.by })}
                </Text>
              </Text>
              {item.detail.map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
            </Stack>
          </Group>
        ))}
      </Stack>
      <Textarea
        label={t('claims.timeline.noteLabel')}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
        autosize
        minRows={2}
      />
      <Button variant="default" w="fit-content" onClick={() => void addNote()} disabled={note.trim() === ''}>
        {t('claims.timeline.addNote')}
      </Button>
    </Stack>
  );
}

function ClaimView({ claim, policy }: { readonly claim: ClaimRow; readonly policy: Policy }) {
  const { t } = useTranslation();
  const names = useBuyerNames([claim.buyerId]);
  const numbers = useInvoiceNumbers(claim.invoiceIds);
  const events = useClaimEvents(claim.id);
  const buyer = names?.get(claim.buyerId) ?? '';
  const [isSummaryOpen, setIsSummaryOpen] = useState(false);
  return (
    <>
      {isSummaryOpen ? (
        <ClaimSummaryModal
          claim={claim}
          policy={policy}
          onClose={() => {
            setIsSummaryOpen(false);
          }}
        />
      ) : null}
      <Anchor component={Link} to="/claims" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('claims.detail.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('claims.detail.title', { buyer })}
        subtitle={t('claims.detail.subtitle', { date: formatDate(claim.openedOn), by: claim.openedBy })}
        actions={
          <Group gap="md">
            <Badge size="lg" variant="light">
              {t(`claims.status.${claim.status}`)}
            </Badge>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              onClick={() => {
                setIsSummaryOpen(true);
              }}
            >
              {t('claims.summaryDocument.open')}
            </Button>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder>
              <Stack gap="sm">
                <Group gap="xl" wrap="wrap">
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t('claims.detail.buyer')}
                    </Text>
                    <Anchor component={Link} to={`/buyers/${claim.buyerId}`} fw={600}>
                      {buyer}
                    </Anchor>
                  </Stack>
                  <Figure
                    label={t('claims.detail.invoices')}
                    value={claim.invoiceIds.map((id) => numbers?.get(id) ?? id).join(', ')}
                  />
                  <Figure
                    label={t('claims.detail.openAmount', { basis: policy.coverBasis })}
                    value={formatMoney(claim.openAmountCents)}
                  />
                  <Figure label={t('claims.detail.openTtc')} value={formatMoney(claim.openTtcCents)} />
                </Group>
                <Group gap="xl" wrap="wrap">
                  <Figure label={t('claims.detail.limit')} value={formatMoney(claim.applicableLimitCents)} />
                  <Figure
                    label={t('claims.detail.quotity')}
                    value={formatPercent(claim.quotityBp / 10_000)}
                  />
                  <Figure
                    label={t('claims.detail.maxIndemnity')}
                    value={formatMoney(claim.maxIndemnityCents ?? 0)}
                  />
                  <Figure
                    label={t('claims.detail.indemnityPaid')}
                    value={formatMoney(claim.indemnityPaidCents)}
                  />
                </Group>
              </Stack>
            </Card>
            <Card withBorder>
              <Deadlines claim={claim} policy={policy} />
            </Card>
            <Card withBorder>
              <Timeline claim={claim} notes={(events ?? []).filter((row) => row.type === 'note')} />
            </Card>
            <Card withBorder>
              <IndemnitySimulation claim={claim} policy={policy} />
            </Card>
            <Card withBorder>
              <Recoveries claim={claim} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card withBorder>
              <ClaimActions claim={claim} policy={policy} />
            </Card>
            <Card withBorder>
              <ClaimAttachments claimId={claim.id} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function ClaimPage() {
  const { t } = useTranslation();
  const { claimId = '' } = useParams();
  const claim = useClaim(claimId);
  const policy = useEffectivePolicy();
  if (claim === undefined || policy === undefined) return null;
  if (claim === null) {
    return (
      <Stack>
        <Alert color="orange">{t('claims.detail.notFound')}</Alert>
        <Anchor component={Link} to="/claims">
          {t('claims.detail.back')}
        </Anchor>
      </Stack>
    );
  }
  return <ClaimView claim={claim} policy={policy} />;
}
