/**
 * One buyer: a header with its key figures, then tabs — identity, invoices, payments and credit notes, limit
 * history, alerts, timeline. Reads this buyer's ledger only (through the `buyerId` indexes); every figure is
 * the domain's (`exposureOf`, `alertsFor`, `limitHistory`) on the workspace's `today`.
 */
import { Anchor, Badge, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { computeBuyerAggregate } from '../../../shared/commands/aggregates';
import { alertsFor } from '../../../shared/domain/alerts';
import { exposureOf } from '../../../shared/domain/exposure';
import { pathOf } from '../../app/navigation';
import { useBuyerAggregate, useBuyerLedger } from '../../data/buyer-hooks';
import type { LoadedBuyerLedger } from '../../data/buyer-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatNumber } from '../../lib/format';
import { BuyerAlerts } from './BuyerAlerts';
import { BuyerHeader } from './BuyerHeader';
import { BuyerIdentity } from './BuyerIdentity';
import { BuyerInvoices } from './BuyerInvoices';
import { BuyerLimits } from './BuyerLimits';
import { BuyerSettlements } from './BuyerSettlements';
import { BuyerTimeline } from './BuyerTimeline';
import { bookBalanceOf, invoiceLinesOf, timelineOf } from './buyer-view';
import type { BuyerAggregate } from '../../../shared/commands/entities';

const TABS = ['identity', 'invoices', 'settlements', 'limits', 'alerts', 'timeline'] as const;
type TabId = (typeof TABS)[number];

function isTab(value: string | null): value is TabId {
  return TABS.some((tab) => tab === value);
}

export function BuyerPage() {
  const { buyerId = '' } = useParams();
  const loaded = useBuyerLedger(buyerId);
  const aggregate = useBuyerAggregate(buyerId);
  const { t } = useTranslation();
  if (loaded === undefined || aggregate === undefined) return <Loader aria-label={t('buyer.loading')} />;
  if (loaded === null) return <BuyerNotFound />;
  return <BuyerView loaded={loaded} stored={aggregate} />;
}

function BuyerNotFound() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="xl" shadow="xs" maw={640} mx="auto" mt="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h3">
          {t('buyer.notFound.title')}
        </Title>
        <Text>{t('buyer.notFound.body')}</Text>
        <Anchor component={Link} to={pathOf('clients')}>
          <IconArrowLeft size={14} aria-hidden /> {t('buyer.backToList')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

function BuyerView({
  loaded,
  stored,
}: {
  readonly loaded: LoadedBuyerLedger;
  readonly stored: BuyerAggregate | null;
}) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: TabId = isTab(requested) ? requested : 'identity';
  const { buyer, ledger, policy } = loaded;

  const view = useMemo(() => {
    const exposure = exposureOf(ledger, policy, today);
    return {
      exposure,
      // The stored figures when they are today's; else the same function computes them now.
      figures: stored?.asOf === today ? stored : computeBuyerAggregate(ledger, policy, today),
      balanceCents: bookBalanceOf(exposure),
      invoices: invoiceLinesOf(ledger, exposure, today),
      alerts: alertsFor(ledger, policy, today, { exposure }),
      timeline: timelineOf(ledger),
    };
  }, [ledger, policy, today, stored]);

  const selectTab = (value: string | null) => {
    if (!isTab(value)) return;
    setSearchParams(
      (params) => {
        params.set('tab', value);
        return params;
      },
      { replace: true },
    );
  };

  return (
    <Stack gap="lg">
      <BuyerHeader buyer={buyer} figures={view.figures} balanceCents={view.balanceCents} />
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="identity">{t('buyer.tabs.identity')}</Tabs.Tab>
          <Tabs.Tab value="invoices">
            {t('buyer.tabs.invoices')}{' '}
            <Badge size="sm" variant="light" color="gray" c="dark.6">
              {formatNumber(ledger.invoices.length)}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="settlements">{t('buyer.tabs.settlements')}</Tabs.Tab>
          <Tabs.Tab value="limits">{t('buyer.tabs.limits')}</Tabs.Tab>
          <Tabs.Tab value="alerts">
            {t('buyer.tabs.alerts')}{' '}
            <Badge size="sm" color={view.alerts.length === 0 ? 'gray' : 'red.9'} variant="filled">
              {formatNumber(view.alerts.length)}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="timeline">{t('buyer.tabs.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="identity" pt="md">
          <BuyerIdentity buyer={buyer} />
        </Tabs.Panel>
        <Tabs.Panel value="invoices" pt="md">
          <BuyerInvoices buyerId={buyer.id} lines={view.invoices} />
        </Tabs.Panel>
        <Tabs.Panel value="settlements" pt="md">
          <BuyerSettlements ledger={ledger} />
        </Tabs.Panel>
        <Tabs.Panel value="limits" pt="md">
          <BuyerLimits
            buyerId={buyer.id}
            ledger={ledger}
            limitCents={view.figures.limitCents}
            limitSource={view.figures.limitSource}
            coveredCents={view.figures.coveredCents}
          />
        </Tabs.Panel>
        <Tabs.Panel value="alerts" pt="md">
          <BuyerAlerts alerts={view.alerts} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <BuyerTimeline events={view.timeline} today={today} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
