/**
 * Record a limit request or an insurer's decision for a buyer (`recordLimitDecision`). Used by the
 * « Limites » tab and, prefilled with the increase to request, by « Puis-je livrer ? ». The command is
 * guarded by the buyer's `limitHistoryVersion` as the form read it: a decision recorded meanwhile by
 * someone else comes back as a rejection, shown here, and nothing is overwritten.
 */
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LimitDecisionKind, LimitLayer } from '../../../shared/domain/model';
import { useBuyer, useBuyers, useCommand } from '../../data/hooks';
import { useEffectivePolicy } from '../../data/policy-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate } from '../../lib/format';
import { DateField } from '../../components/DateField';
import {
  LIMIT_KINDS,
  LIMIT_LAYERS,
  emptyLimitForm,
  isNoticeShort,
  needsGranted,
  needsNotice,
  needsRequested,
  noticeEffectiveDate,
  toLimitDecision,
} from './limit-form-model';
import type { LimitFormError, LimitFormValues } from './limit-form-model';

export type LimitFormPrefill = Partial<LimitFormValues>;

const ERROR_KEYS: Readonly<Record<LimitFormError, string>> = {
  required: 'limitForm.errors.required',
  amount: 'limitForm.errors.amount',
  date: 'limitForm.errors.date',
  'end-before-effective': 'limitForm.errors.endBeforeEffective',
  quotity: 'limitForm.errors.quotity',
  'partial-not-below-request': 'limitForm.errors.partialNotBelowRequest',
};

function isKind(value: string | null): value is LimitDecisionKind {
  return LIMIT_KINDS.some((kind) => kind === value);
}

function isLayer(value: string | null): value is LimitLayer {
  return LIMIT_LAYERS.some((layer) => layer === value);
}

export function LimitDecisionForm(props: {
  readonly prefill?: LimitFormPrefill;
  readonly onSaved: (buyerName: string) => void;
  readonly onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const policy = useEffectivePolicy();
  const buyers = useBuyers();
  const { run } = useCommand();
  const [rejection, setRejection] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const form = useForm<LimitFormValues>({
    mode: 'controlled',
    initialValues: { ...emptyLimitForm(today), ...props.prefill },
  });
  const values = form.getValues();
  const buyer = useBuyer(values.buyerId);
  // The version the user is looking at, captured when the buyer is chosen: a decision recorded by
  // someone else in between makes the command refuse ours instead of silently stacking on it.
  const [baseVersion, setBaseVersion] = useState<{ buyerId: string; version: number } | null>(null);
  if (buyer !== undefined && baseVersion?.buyerId !== buyer.id)
    setBaseVersion({ buyerId: buyer.id, version: buyer.limitHistoryVersion });

  const noticeDays = policy?.limitReductionNoticeDays ?? 30;
  const errorOf = (field: keyof LimitFormValues): string | undefined => {
    const error = form.errors[field];
    return typeof error === 'string' ? t(error) : undefined;
  };

  const changeKind = (value: string | null) => {
    if (!isKind(value)) return;
    form.setFieldValue('kind', value);
    // A reduction takes effect after the notice: propose that date, the user can still type the letter's.
    if (
      needsNotice(value) &&
      values.effectiveDate === values.decisionDate &&
      /^\d{4}-\d{2}-\d{2}$/.test(values.decisionDate)
    )
      form.setFieldValue('effectiveDate', noticeEffectiveDate(values.decisionDate, noticeDays));
  };

  const submit = async (submitted: LimitFormValues) => {
    setRejection(null);
    const result = toLimitDecision(submitted, crypto.randomUUID(), policy?.currency ?? 'EUR');
    if (!result.ok) {
      form.setErrors(
        Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, ERROR_KEYS[code]])),
      );
      return;
    }
    if (buyer === undefined || baseVersion === null) {
      form.setErrors({ buyerId: ERROR_KEYS.required });
      return;
    }
    setIsSaving(true);
    const outcome = await run('recordLimitDecision', {
      decision: result.decision,
      baseVersion: baseVersion.version,
    });
    setIsSaving(false);
    if (!outcome.ok) {
      setRejection(i18n.language === 'en' ? outcome.error.message.en : outcome.error.message.fr);
      return;
    }
    props.onSaved(buyer.name);
  };

  const kind = values.kind;
  const isNoticeTooShort = policy !== undefined && isNoticeShort(values, noticeDays);
  const buyerOptions = (buyers ?? []).map((row) => ({ value: row.id, label: row.name }));

  return (
    <form onSubmit={form.onSubmit((submitted) => void submit(submitted))} noValidate>
      <Stack gap="md">
        <Select
          label={t('limitForm.buyer')}
          placeholder={t('limitForm.buyerPlaceholder')}
          data={buyerOptions}
          searchable
          limit={50}
          required
          nothingFoundMessage={t('limitForm.noBuyer')}
          {...form.getInputProps('buyerId')}
          error={errorOf('buyerId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('limitForm.kind')}
            data={LIMIT_KINDS.map((value) => ({ value, label: t(`limitForm.kinds.${value}`) }))}
            value={kind}
            onChange={changeKind}
            allowDeselect={false}
            required
          />
          <Select
            label={t('limitForm.layer')}
            data={LIMIT_LAYERS.map((value) => ({ value, label: t(`limitForm.layers.${value}`) }))}
            value={values.layer}
            onChange={(value) => {
              if (isLayer(value)) form.setFieldValue('layer', value);
            }}
            allowDeselect={false}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('limitForm.requested')}
            description={t('limitForm.amountHelp')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="decimal"
            required={needsRequested(kind)}
            rightSection="€"
            {...form.getInputProps('requested')}
            error={errorOf('requested')}
          />
          {needsGranted(kind) ? (
            <TextInput
              label={t('limitForm.granted')}
              description={t('limitForm.amountHelp')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              inputMode="decimal"
              required
              rightSection="€"
              {...form.getInputProps('granted')}
              error={errorOf('granted')}
            />
          ) : (
            <Text size="sm" c="dimmed" pt="lg">
              {t(kind === 'requested' ? 'limitForm.requestNoAmount' : 'limitForm.zeroAmount')}
            </Text>
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField
            label={t('limitForm.decisionDate')}
            required
            value={values.decisionDate}
            onChange={(value) => {
              form.setFieldValue('decisionDate', value);
            }}
            error={errorOf('decisionDate')}
          />
          <DateField
            label={t('limitForm.effectiveDate')}
            description={
              needsNotice(kind)
                ? t('limitForm.effectiveDateNotice', { days: noticeDays })
                : t('limitForm.effectiveDateHelp')
            }
            required
            value={values.effectiveDate}
            onChange={(value) => {
              form.setFieldValue('effectiveDate', value);
            }}
            error={errorOf('effectiveDate')}
          />
          <DateField
            label={t('limitForm.endDate')}
            description={t(kind === 'temporary' ? 'limitForm.endDateTemporary' : 'limitForm.endDateHelp')}
            required={kind === 'temporary'}
            value={values.endDate}
            onChange={(value) => {
              form.setFieldValue('endDate', value);
            }}
            error={errorOf('endDate')}
          />
        </SimpleGrid>
        {isNoticeTooShort ? (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('limitForm.noticeShortTitle')}
          >
            {t('limitForm.noticeShort', {
              days: noticeDays,
              date: formatDate(noticeEffectiveDate(values.decisionDate, noticeDays)),
            })}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('limitForm.quotity')}
            description={t('limitForm.quotityHelp', {
              named: (policy?.namedQuotityBp ?? 9000) / 100,
              unnamed: (policy?.unnamedQuotityBp ?? 7000) / 100,
            })}
            inputMode="decimal"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            rightSection="%"
            {...form.getInputProps('quotity')}
            error={errorOf('quotity')}
          />
          <TextInput label={t('limitForm.insurerReference')} {...form.getInputProps('insurerReference')} />
        </SimpleGrid>
        {rejection === null ? null : (
          <Alert
            color="red"
            role="alert"
            icon={<IconInfoCircle aria-hidden />}
            title={t('limitForm.rejected')}
          >
            {rejection}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('limitForm.cancel')}
          </Button>
          <Button type="submit" loading={isSaving}>
            {t(kind === 'requested' ? 'limitForm.submitRequest' : 'limitForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
