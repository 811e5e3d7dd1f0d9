/**
 * « Puis-je livrer ? »: for a buyer, an order amount and a delivery date, the answer of the domain's
 * `canShip` — covered or not, the headroom under the limit in force on the delivery date, the uncovered
 * part, the indemnifiable part — and, when the order needs it, the limit increase to request with a
 * button that opens the request form prefilled. `?buyer=<id>` preselects the buyer (the buyer page links
 * with it).
 */
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconCircleCheck,
  IconAlertTriangle,
  IconCircleX,
  IconInfoCircle,
  IconSend,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { canShip } from '../../../shared/domain/can-ship';
import type { CanShip, CanShipVerdict } from '../../../shared/domain/can-ship';
import { isIsoDate } from '../../../shared/domain/dates';
import { parseAmount } from '../../../shared/domain/money';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';
import { PageHeader } from '../../components/PageHeader';
import { useBuyer, useBuyers } from '../../data/hooks';
import { useBuyerLedger } from '../../data/limit-hooks';
import { useEffectivePolicy } from '../../data/policy-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { LimitDecisionForm } from '../limits/LimitDecisionForm';
import { amountInput } from '../limits/limit-form-model';
import { notify } from '../limits/notify';

const VERDICT_STYLE: Readonly<Record<CanShipVerdict, { color: string; icon: typeof IconCircleCheck }>> = {
  covered: { color: 'teal', icon: IconCircleCheck },
  'partly-covered': { color: 'orange', icon: IconAlertTriangle },
  'not-covered': { color: 'red', icon: IconCircleX },
  'no-limit': { color: 'red', icon: IconCircleX },
  insolvent: { color: 'red', icon: IconCircleX },
  'terms-exceeded': { color: 'red', icon: IconCircleX },
};

function Figure(props: { readonly label: string; readonly value: string; readonly isStrong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {props.label}
      </Text>
      <Text
        component="dd"
        m={0}
        fw={props.isStrong === true ? 700 : 500}
        size="lg"
        style={{ whiteSpace: 'nowrap' }}
      >
        {props.value}
      </Text>
    </div>
  );
}

function Verdict({ result, onRequest }: { readonly result: CanShip; readonly onRequest: () => void }) {
  const { t } = useTranslation();
  const style = VERDICT_STYLE[result.verdict];
  const VerdictIcon = style.icon;
  const values = {
    uncovered: formatMoney(result.uncoveredCents),
    date: formatDate(result.deliveryDate),
    maxDays: result.maxTermsDays,
  };
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      data-testid="can-ship-verdict"
      style={{ borderLeft: `6px solid var(--mantine-color-${style.color}-6)` }}
    >
      <Stack gap="md">
        <Group gap="md" wrap="nowrap" role="status">
          <ThemeIcon color={style.color} size={44} radius="xl" variant="light">
            <VerdictIcon size={28} aria-hidden />
          </ThemeIcon>
          <div>
            <Title order={2} size="h3">
              {t(`canShip.verdict.${result.verdict}`, values)}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`canShip.verdictHelp.${result.verdict}`, values)}
            </Text>
          </div>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="lg" component="dl" m={0}>
          <Figure
            label={t('canShip.figures.limit', { date: formatDate(result.deliveryDate) })}
            value={formatMoney(result.limitCents)}
          />
          <Figure label={t('canShip.figures.exposure')} value={formatMoney(result.exposureCents)} />
          <Figure label={t('canShip.figures.headroom')} value={formatMoney(result.headroomCents)} />
          <Figure label={t('canShip.figures.covered')} value={formatMoney(result.coveredCents)} />
          <Figure
            label={t('canShip.figures.uncovered')}
            value={formatMoney(result.uncoveredCents)}
            isStrong
          />
          <Figure
            label={t('canShip.figures.indemnifiable', { quotity: result.quotityBp / 100 })}
            value={formatMoney(result.indemnifiableCents)}
          />
        </SimpleGrid>
        {result.limitTodayCents !== result.limitCents ? (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
            {t('canShip.limitChanges', {
              today: formatMoney(result.limitTodayCents),
              limit: formatMoney(result.limitCents),
              date: formatDate(result.deliveryDate),
            })}
          </Alert>
        ) : null}
        {result.requestedLimitCents !== null ? (
          <Paper bg="var(--mantine-color-gray-0)" p="md" radius="md">
            <Group justify="space-between" wrap="wrap" gap="md">
              <Text fw={600}>
                {t('canShip.increase', {
                  increase: formatMoney(result.increaseCents),
                  limit: formatMoney(result.requestedLimitCents),
                })}
              </Text>
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={onRequest}>
                {t('canShip.prepareRequest')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {t('canShip.increaseHelp')}
            </Text>
          </Paper>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('canShip.exposureNote')}
        </Text>
      </Stack>
    </Paper>
  );
}

export function CanShipPage() {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const buyers = useBuyers();
  const policy = useEffectivePolicy();
  const [params, setParams] = useSearchParams();
  const buyerId = params.get('buyer');
  const buyer = useBuyer(buyerId ?? '');
  const ledger = useBuyerLedger(buyerId);
  const [amount, setAmount] = useState('');
  const [deliveryDate, setDeliveryDate] = useState(today);
  const [terms, setTerms] = useState('');
  const [isRequestOpen, setIsRequestOpen] = useState(false);

  if (buyers === undefined) return <Loader m="xl" aria-label={t('pages.canShip.title')} />;
  if (buyers.length === 0)
    return <FeatureEmptyPage page="canShip" icon={IconTruckDelivery} leadsToImport={true} />;

  const parsed = amount.trim() === '' ? null : parseAmount(amount);
  const amountError =
    parsed !== null && (!parsed.ok || parsed.cents <= 0) ? t('canShip.amountError') : undefined;
  const dateError = isIsoDate(deliveryDate) ? undefined : t('canShip.dateError');
  const termsDays = terms.trim() === '' ? undefined : Number(terms);
  const termsError =
    termsDays !== undefined && (!Number.isInteger(termsDays) || termsDays < 0)
      ? t('canShip.termsError')
      : undefined;
  const result =
    ledger !== undefined &&
    ledger !== null &&
    policy !== undefined &&
    parsed !== null &&
    parsed.ok &&
    parsed.cents > 0 &&
    dateError === undefined &&
    termsError === undefined
      ? canShip(ledger, policy, {
          orderCents: parsed.cents,
          deliveryDate,
          asOf: today,
          ...(termsDays === undefined ? {} : { termsDays }),
        })
      : null;

  const basis = policy?.coverBasis ?? 'HT';
  return (
    <>
      <PageHeader title={t('pages.canShip.title')} subtitle={t('pages.canShip.subtitle')} />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={t('canShip.buyer')}
              placeholder={t('canShip.buyerPlaceholder')}
              data={buyers.map((row) => ({ value: row.id, label: row.name }))}
              searchable
              limit={50}
              nothingFoundMessage={t('limitForm.noBuyer')}
              value={buyerId}
              onChange={(value) => {
                const next = new URLSearchParams(params);
                if (value === null) next.delete('buyer');
                else next.set('buyer', value);
                setParams(next, { replace: true });
              }}
            />
            <TextInput
              label={t('canShip.amount', { basis })}
              placeholder="25 000"
              inputMode="decimal"
              rightSection="€"
              value={amount}
              error={amountError}
              onChange={(event) => {
                setAmount(event.currentTarget.value);
              }}
              onBlur={() => {
                if (parsed?.ok === true && parsed.cents > 0) setAmount(amountInput(parsed.cents));
              }}
            />
            <DateField
              label={t('canShip.deliveryDate')}
              value={deliveryDate}
              error={dateError}
              onChange={setDeliveryDate}
            />
            <TextInput
              label={t('canShip.terms')}
              placeholder={buyer?.paymentTermsDays === undefined ? '' : String(buyer.paymentTermsDays)}
              description={t('canShip.termsHelp', { days: policy?.maxCreditTermsDays ?? 120 })}
              inputMode="numeric"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={terms}
              error={termsError}
              onChange={(event) => {
                setTerms(event.currentTarget.value);
              }}
            />
          </SimpleGrid>
        </Paper>
        {result === null ? (
          <Paper withBorder p="xl" radius="md">
            <Text c="dimmed" ta="center">
              {t(buyerId === null ? 'canShip.chooseBuyer' : 'canShip.enterAmount')}
            </Text>
          </Paper>
        ) : (
          <Verdict
            result={result}
            onRequest={() => {
              setIsRequestOpen(true);
            }}
          />
        )}
      </Stack>
      <Modal
        opened={isRequestOpen && result !== null}
        onClose={() => {
          setIsRequestOpen(false);
        }}
        title={t('limitForm.titleRequest')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('alertCentre.close') }}
      >
        {result !== null && buyerId !== null && result.requestedLimitCents !== null ? (
          <LimitDecisionForm
            prefill={{
              buyerId,
              kind: 'requested',
              layer: result.primaryLayer === 'discretionary' ? 'discretionary' : 'named',
              requested: amountInput(result.requestedLimitCents),
            }}
            onCancel={() => {
              setIsRequestOpen(false);
            }}
            onSaved={(name) => {
              notify(t('limitForm.savedRequest', { name }));
              setIsRequestOpen(false);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
