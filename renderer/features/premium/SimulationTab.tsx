/**
 * Simulation: the firm's figures (prefilled from the ledger on request, and once on opening when the ledger has
 * sales), up to three offers side by side, their results recomputed as the figures change, saved scenarios,
 * and the PDF for a prospect. The results show only when every input is valid (zod schema of simulation-model).
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../shared/domain/policy';
import { compareOffers } from '../../../shared/domain/premium';
import { usePolicy } from '../../data/policy-hooks';
import {
  useLedgerPremiumFigures,
  usePremiumScenarios,
  type LedgerPremiumFigures,
} from '../../data/premium-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { PremiumSimulationDocument } from '../../documents/premium-simulation-document';
import { printDocument } from '../../documents/print-document';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { useLanguage } from '../clients/use-language';
import { OfferCard } from './OfferCard';
import { ScenarioPanel } from './ScenarioPanel';
import { SimulationResults } from './SimulationResults';
import {
  MAX_OFFERS,
  NAF_SECTIONS,
  OFFER_LETTERS,
  bestOfferId,
  offerValuesFromPolicy,
  parseScenarioValues,
  simulationSchema,
  toPremiumContext,
  toPremiumOffer,
  type SimulationDraft,
  type SimulationValues,
} from './simulation-model';

export function SimulationTab() {
  const { t } = useTranslation();
  const stored = usePolicy();
  if (stored === undefined) return <Loader size="sm" aria-label={t('app.loading')} />;
  return <SimulationForm policy={stored.policy} />;
}

function initialValues(policy: Policy, label: string): SimulationDraft {
  return {
    turnover: '',
    creditSharePercent: 100,
    exportSharePercent: 0,
    sector: '',
    buyers: 0,
    namedBuyers: 0,
    averageOutstanding: '',
    marginPercent: '',
    lossHistory: '',
    offers: [offerValuesFromPolicy(policy, crypto.randomUUID(), label)],
  };
}

function SimulationForm(props: { readonly policy: Policy }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { today } = useWorkspace();
  const readLedger = useLedgerPremiumFigures();
  const scenarios = usePremiumScenarios(parseScenarioValues);
  const [prefill, setPrefill] = useState<LedgerPremiumFigures | null>(null);
  const [isReading, setReading] = useState(false);
  const form = useForm<SimulationDraft>({
    mode: 'controlled',
    initialValues: initialValues(
      props.policy,
      `${t('premium.offer.prefix', { letter: 'A' })} — ${t('premium.offer.myPolicy')}`,
    ),
    validate: schemaResolver(simulationSchema, { sync: true }),
    validateInputOnChange: true,
  });

  const apply = useCallback(
    (figures: LedgerPremiumFigures) => {
      form.setValues({
        turnover: figures.turnoverHtCents / 100,
        exportSharePercent: figures.exportShareBp / 100,
        buyers: figures.buyerCount,
        namedBuyers: figures.namedBuyers,
        averageOutstanding: figures.averageMonthEndOutstandingCents / 100,
      });
      setPrefill(figures);
    },
    // `form` is a new object each render; its setters are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const readAndApply = async (): Promise<void> => {
    setReading(true);
    try {
      apply(await readLedger(props.policy.currency));
    } finally {
      setReading(false);
    }
  };

  // Prefill on opening when the ledger has sales and the user has typed nothing yet (running twice, as
  // StrictMode does in development, is harmless: the second answer finds the form untouched or filled).
  useEffect(() => {
    let isCurrent = true;
    void readLedger(props.policy.currency).then((figures) => {
      if (isCurrent && figures.invoiceCount > 0 && !form.isDirty()) apply(figures);
    });
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const parsed = simulationSchema.safeParse(form.values);
  const valid: SimulationValues | undefined = parsed.success ? parsed.data : undefined;
  // Recomputed on every render: a handful of integer operations per offer.
  const comparison =
    valid === undefined
      ? undefined
      : compareOffers(valid.offers.map(toPremiumOffer), toPremiumContext(valid));
  const best = comparison === undefined ? undefined : bestOfferId(comparison);

  const field = (name: keyof SimulationDraft) => {
    const input = form.getInputProps(name);
    const error: unknown = input['error'];
    return { ...input, error: typeof error === 'string' ? t(error) : undefined };
  };
  const money = { decimalSeparator: ',', thousandSeparator: ' ', min: 0, decimalScale: 2, suffix: ' €' };
  const pct = { decimalSeparator: ',', min: 0, max: 100, decimalScale: 2, suffix: ' %' };
  const sector = NAF_SECTIONS.find((section) => section.code === form.values.sector);

  const exportPdf = async (): Promise<void> => {
    if (valid === undefined || comparison === undefined) return;
    const outcome = await printDocument({
      node: (
        <PremiumSimulationDocument
          date={today}
          values={valid}
          sectorLabel={sector === undefined ? undefined : `${sector.code} — ${sector.fr}`}
          comparison={comparison}
          bestOfferId={best}
        />
      ),
      fileName: `simulation-prime-${today}.pdf`,
      title: `Simulation de prime ${formatDate(today)}`,
    });
    if (outcome.kind === 'error') {
      notifications.show({ color: 'red', title: t('premium.pdf.failed'), message: outcome.message });
    }
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="premium-firm-title">
        <Group justify="space-between" align="flex-start" mb="sm">
          <div>
            <Title order={2} size="h4" id="premium-firm-title">
              {t('premium.firm.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('premium.firm.help')}
            </Text>
          </div>
          <Button
            variant="light"
            leftSection={<IconDatabaseImport size={16} aria-hidden />}
            loading={isReading}
            onClick={() => {
              void readAndApply();
            }}
          >
            {t('premium.firm.prefill')}
          </Button>
        </Group>
        {prefill === null ? null : (
          <Alert color="blue" variant="light" mb="md" data-testid="prefill-note">
            {t('premium.firm.prefillNote', {
              from: formatDate(prefill.range.start),
              to: formatDate(prefill.range.end),
              invoices: formatNumber(prefill.invoiceCount),
              turnover: formatMoney(prefill.turnoverHtCents),
              buyers: formatNumber(prefill.buyerCount),
              named: formatNumber(prefill.namedBuyers),
            })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <NumberInput label={t('premium.firm.turnover')} {...money} {...field('turnover')} />
          <NumberInput label={t('premium.firm.creditShare')} {...pct} {...field('creditSharePercent')} />
          <NumberInput label={t('premium.firm.exportShare')} {...pct} {...field('exportSharePercent')} />
          <Select
            label={t('premium.firm.sector')}
            placeholder={t('premium.firm.sectorPlaceholder')}
            data={NAF_SECTIONS.map((section) => ({
              value: section.code,
              label: `${section.code} — ${section[lang]}`,
            }))}
            searchable
            clearable
            {...field('sector')}
            value={form.values.sector === '' ? null : form.values.sector}
            onChange={(value: string | null) => {
              form.setFieldValue('sector', value ?? '');
            }}
          />
          <NumberInput
            label={t('premium.firm.buyers')}
            min={0}
            thousandSeparator=" "
            allowDecimal={false}
            {...field('buyers')}
          />
          <NumberInput
            label={t('premium.firm.namedBuyers')}
            min={0}
            thousandSeparator=" "
            allowDecimal={false}
            {...field('namedBuyers')}
          />
          <NumberInput
            label={t('premium.firm.margin')}
            description={t('premium.firm.marginHelp')}
            {...pct}
            {...field('marginPercent')}
          />
          <NumberInput
            label={t('premium.firm.outstanding')}
            description={t('premium.firm.outstandingHelp')}
            {...money}
            {...field('averageOutstanding')}
          />
        </SimpleGrid>
        <Textarea
          mt="md"
          label={t('premium.firm.lossHistory')}
          description={t('premium.firm.lossHistoryHelp')}
          rows={2}
          {...field('lossHistory')}
        />
      </Card>

      <section aria-labelledby="premium-offers-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="premium-offers-title">
            {t('premium.offers.title')}
          </Title>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={form.values.offers.length >= MAX_OFFERS}
            onClick={() => {
              const letter = OFFER_LETTERS[form.values.offers.length] ?? 'C';
              form.insertListItem(
                'offers',
                offerValuesFromPolicy(
                  props.policy,
                  crypto.randomUUID(),
                  `${t('premium.offer.prefix', { letter })} — ${t('premium.offer.myPolicy')}`,
                ),
              );
            }}
          >
            {t('premium.offers.add')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {form.values.offers.map((offer, index) => (
            <OfferCard
              key={offer.id}
              form={form}
              index={index}
              letter={OFFER_LETTERS[index] ?? String(index + 1)}
              policy={props.policy}
              isBest={offer.id === best && form.values.offers.length > 1}
              canRemove={form.values.offers.length > 1}
            />
          ))}
        </SimpleGrid>
      </section>

      {comparison === undefined ? (
        <Alert color="gray" variant="light">
          {t('premium.results.incomplete')}
        </Alert>
      ) : (
        <SimulationResults comparison={comparison} offers={valid?.offers ?? []} bestOfferId={best} />
      )}

      <Group>
        <Button
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          disabled={comparison === undefined}
          onClick={() => {
            void exportPdf();
          }}
        >
          {t('premium.pdf.export')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('premium.pdf.disclaimer')}
        </Text>
      </Group>

      <ScenarioPanel
        store={scenarios}
        current={valid}
        onLoad={(values) => {
          form.setValues(values);
          form.resetDirty(values);
          notifications.show({ color: 'teal', message: t('premium.scenarios.loaded') });
        }}
      />
    </Stack>
  );
}
