/**
 * « Chronologie »: every dated event of the buyer, newest first — invoices issued and due, payments, credit
 * notes, limit decisions (and their expiries), insolvency judgment. Events after today are marked « à venir ».
 * Only the first MAX_SHOWN are drawn: a large account has thousands.
 */
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/domain/types';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import type { TimelineEvent } from './buyer-view';
import { timelineKey } from './buyer-view';

const MAX_SHOWN = 300;

function describe(event: TimelineEvent, t: TFunction): string {
  switch (event.kind) {
    case 'invoice-issued':
      return t('buyer.timeline.invoiceIssued', {
        number: event.invoice.number,
        amount: formatMoney(event.invoice.amountTtcCents),
      });
    case 'invoice-due':
      return t('buyer.timeline.invoiceDue', {
        number: event.invoice.number,
        amount: formatMoney(event.invoice.amountTtcCents),
      });
    case 'payment':
      return event.invoiceNumber === undefined
        ? t('buyer.timeline.payment', { amount: formatMoney(event.amountCents) })
        : t('buyer.timeline.paymentOf', {
            amount: formatMoney(event.amountCents),
            number: event.invoiceNumber,
          });
    case 'credit-note':
      return t('buyer.timeline.creditNote', { number: event.number, amount: formatMoney(event.amountCents) });
    case 'limit':
      return t('buyer.timeline.limit', {
        event: t(`buyer.limits.events.${event.row.event}`),
        layer: t(`buyer.limits.layers.${event.row.layer}`),
        amount: event.row.amountCents === null ? '—' : formatMoney(event.row.amountCents),
      });
    case 'insolvency':
      return t('buyer.timeline.insolvency', { kind: t(`buyer.procedures.${event.procedure}`) });
  }
}

export function BuyerTimeline({
  events,
  today,
}: {
  readonly events: readonly TimelineEvent[];
  readonly today: IsoDate;
}) {
  const { t } = useTranslation();
  const shown = events.slice(0, MAX_SHOWN);
  return (
    <Paper withBorder radius="lg" p="lg" shadow="xs">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('buyer.timeline.title')}
        </Title>
        {events.length === 0 ? (
          <Text c="dimmed">{t('buyer.timeline.none')}</Text>
        ) : (
          <Stack
            component="ol"
            gap={0}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('buyer.timeline.title')}
          >
            {shown.map((event) => (
              <Group
                key={timelineKey(event)}
                component="li"
                gap="md"
                wrap="nowrap"
                py={8}
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                <Text size="sm" ff="monospace" w={96} style={{ flexShrink: 0 }}>
                  {formatDate(event.date)}
                </Text>
                <Text size="sm">{describe(event, t)}</Text>
                {event.date > today ? (
                  <Badge variant="outline" color="gray.7" radius="sm" ml="auto" tt="none">
                    {t('buyer.timeline.upcoming')}
                  </Badge>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        {events.length > MAX_SHOWN ? (
          <Text size="sm" c="dimmed">
            {t('buyer.timeline.truncated', {
              shown: formatNumber(MAX_SHOWN),
              total: formatNumber(events.length),
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
