/**
 * Déclaration de chiffre d'affaires: choose a month or a quarter (the last complete one by default), read the
 * insurable turnover of the period by buyer country with France / export totals and the premium it carries,
 * and export it as CSV (through the platform bridge) or PDF (print dialog / desktop PDF).
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  periodRange,
  previousPeriod,
  type DeclarationPeriod,
  type DeclarationPeriodKind,
} from '../../../shared/domain/turnover-declaration';
import { usePolicy } from '../../data/policy-hooks';
import { saveTextFile, useTurnoverDeclaration } from '../../data/premium-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { printDocument } from '../../documents/print-document';
import { TurnoverDeclarationDocument } from '../../documents/turnover-declaration-document';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { declarationCsv, declarationFileName } from './declaration-csv';

const YEARS_BACK = 10;

function countryNameIn(language: string): (code: string) => string {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

export function DeclarationTab() {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const stored = usePolicy();
  const [period, setPeriod] = useState<DeclarationPeriod>(() => previousPeriod('month', today));
  const range = useMemo(() => periodRange(period), [period]);
  const declaration = useTurnoverDeclaration(range, stored?.policy);
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => String(thisYear - i));
  const monthName = (index: number, language: string): string =>
    new Intl.DateTimeFormat(language, { month: 'long' }).format(new Date(Date.UTC(2000, index - 1, 15)));
  const periodOptions =
    period.kind === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({
          value: String(i + 1),
          label: monthName(i + 1, i18n.language),
        }))
      : Array.from({ length: 4 }, (_, i) => ({
          value: String(i + 1),
          label: t('turnover.quarterN', { n: i + 1 }),
        }));
  const periodLabel = (language: 'fr' | 'en'): string =>
    period.kind === 'month'
      ? `${monthName(period.index, language)} ${period.year}`
      : t('turnover.quarterOf', { n: period.index, year: period.year, lng: language });
  const countryName = countryNameIn(i18n.language);

  const exportCsv = async (): Promise<void> => {
    if (declaration === undefined) return;
    const saved = await saveTextFile(
      declarationFileName(range),
      'text/csv;charset=utf-8',
      declarationCsv(declaration),
    );
    if (!saved.ok)
      notifications.show({ color: 'red', title: t('turnover.exportFailed'), message: saved.message });
  };
  const exportPdf = async (): Promise<void> => {
    if (declaration === undefined) return;
    const frenchNames = countryNameIn('fr');
    const outcome = await printDocument({
      node: (
        <TurnoverDeclarationDocument
          declaration={declaration}
          periodLabel={periodLabel('fr')}
          date={today}
          countryName={frenchNames}
        />
      ),
      fileName: `declaration-ca-${range.start}-${range.end}.pdf`,
      title: `Déclaration de chiffre d'affaires ${periodLabel('fr')}`,
    });
    if (outcome.kind === 'error') {
      notifications.show({ color: 'red', title: t('turnover.exportFailed'), message: outcome.message });
    }
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4" mb={4}>
          {t('turnover.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('turnover.help')}
        </Text>
        <Group align="flex-end">
          <SegmentedControl
            aria-label={t('turnover.periodKind')}
            value={period.kind}
            data={[
              { value: 'month', label: t('turnover.month') },
              { value: 'quarter', label: t('turnover.quarter') },
            ]}
            onChange={(value) => {
              const kind: DeclarationPeriodKind = value === 'quarter' ? 'quarter' : 'month';
              const fallback = previousPeriod(kind, today);
              setPeriod({ ...fallback, year: period.year === fallback.year ? fallback.year : period.year });
            }}
          />
          <Select
            label={t('turnover.year')}
            data={years}
            value={String(period.year)}
            allowDeselect={false}
            w={120}
            onChange={(value) => {
              if (value !== null) setPeriod({ ...period, year: Number(value) });
            }}
          />
          <Select
            label={t('turnover.period')}
            data={periodOptions}
            value={String(period.index)}
            allowDeselect={false}
            w={180}
            onChange={(value) => {
              if (value !== null) setPeriod({ ...period, index: Number(value) });
            }}
          />
          <Text size="sm" c="dimmed" pb={8}>
            {t('turnover.range', { start: formatDate(range.start), end: formatDate(range.end) })}
          </Text>
        </Group>
      </Card>

      {declaration === undefined ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Figure
              label={t('turnover.france')}
              value={formatMoney(declaration.franceCents)}
              testId="turnover-france"
            />
            <Figure
              label={t('turnover.export')}
              value={formatMoney(declaration.exportCents)}
              testId="turnover-export"
            />
            <Figure
              label={t('turnover.total')}
              value={formatMoney(declaration.totalCents)}
              testId="turnover-total"
            />
            <Figure
              label={t('turnover.premium', { rate: formatNumber(declaration.premiumRateBp / 100) })}
              value={formatMoney(declaration.premiumCents)}
              testId="turnover-premium"
            />
          </SimpleGrid>

          <Card withBorder radius="lg" padding="lg">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t('turnover.byCountry', {
                  period: periodLabel(i18n.language.startsWith('en') ? 'en' : 'fr'),
                })}
              </Title>
              <Group gap="xs">
                <Button
                  variant="light"
                  leftSection={<IconFileTypeCsv size={16} aria-hidden />}
                  onClick={() => {
                    void exportCsv();
                  }}
                >
                  {t('turnover.exportCsv')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconFileTypePdf size={16} aria-hidden />}
                  onClick={() => {
                    void exportPdf();
                  }}
                >
                  {t('turnover.exportPdf')}
                </Button>
              </Group>
            </Group>
            {declaration.lines.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('turnover.empty')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table data-testid="turnover-by-country" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('turnover.country')}</Table.Th>
                      <Table.Th scope="col">{t('turnover.zone')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('turnover.invoiceCount')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('turnover.invoicesHt')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('turnover.creditNotesHt')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('turnover.insurable')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {declaration.byCountry.map((country) => (
                      <Table.Tr key={country.country}>
                        <Table.Th scope="row">{countryName(country.country)}</Table.Th>
                        <Table.Td>
                          {country.zone === 'france' ? t('turnover.france') : t('turnover.export')}
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(country.invoiceCount)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(country.invoicesHtCents)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(-country.creditNotesHtCents)}</Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {formatMoney(country.insurableCents)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>

          <Alert color="blue" variant="light" title={t('turnover.minimumTitle')}>
            <Text size="sm">
              {t('turnover.minimumBody', {
                ytd: formatMoney(declaration.yearToDateInsurableCents),
                premium: formatMoney(declaration.yearToDatePremiumCents),
                minimum: formatMoney(declaration.minimumPremiumCents),
              })}{' '}
              {declaration.minimumShortfallCents > 0
                ? t('turnover.minimumShortfall', { amount: formatMoney(declaration.minimumShortfallCents) })
                : t('turnover.minimumReached')}
            </Text>
            {declaration.otherCurrencyCount > 0 ? (
              <Text size="sm" mt="xs">
                {t('turnover.otherCurrency', { count: declaration.otherCurrencyCount })}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt="xs">
              {t('turnover.rule')}
            </Text>
          </Alert>
        </>
      )}
    </Stack>
  );
}

function Figure(props: { readonly label: string; readonly value: string; readonly testId: string }) {
  return (
    <Card withBorder radius="lg" padding="md">
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text size="xl" fw={700} data-testid={props.testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {props.value}
      </Text>
    </Card>
  );
}
