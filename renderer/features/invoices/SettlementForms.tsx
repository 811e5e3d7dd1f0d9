/**
 * « Enregistrer un règlement » (`recordPayment`, prefilled with the open amount and today) and « Saisir un
 * avoir » (`recordCreditNote`), both naming the invoice so the domain applies them to it first. Their dates
 * are typed JJ/MM/AAAA (`DateField`); the form's own onChange takes DateField's ISO-or-text value as is.
 */
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { useCommand } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatMoney } from '../../lib/format';
import { formErrors, inLanguage } from './form-errors';
import { centsToInput, proposedTtc, toCreditNote, toPayment } from './invoice-form-model';
import type { CreditNoteFormValues, PaymentFormValues } from './invoice-form-model';
import type { InvoiceGridRow } from './invoice-grid-model';

function FormFooter(props: {
  readonly rejection: string | null;
  readonly isSaving: boolean;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.rejection === null ? null : (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {props.rejection}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t('invoices.actions.cancel')}
        </Button>
        <Button type="submit" loading={props.isSaving}>
          {t('invoices.actions.save')}
        </Button>
      </Group>
    </>
  );
}

export function PaymentForm(props: {
  readonly invoice: InvoiceGridRow;
  readonly onSaved: (amountCents: number) => void;
  readonly onCancel: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const [rejection, setRejection] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const { invoice } = props;
  const form = useForm<PaymentFormValues>({
    mode: 'controlled',
    initialValues: { amount: centsToInput(invoice.openTtcCents), date: today },
  });
  const label = (field: keyof PaymentFormValues): string => t(`invoices.payment.${field}`);

  const submit = async (values: PaymentFormValues) => {
    setRejection(null);
    const result = toPayment(values);
    if (!result.ok) {
      form.setErrors(formErrors(t, result.errors, ['amount', 'date'], label));
      return;
    }
    setIsSaving(true);
    const outcome = await run('recordPayment', {
      id: crypto.randomUUID(),
      buyerId: invoice.buyerId,
      invoiceId: invoice.id,
      currency: invoice.currency,
      ...result.value,
    });
    setIsSaving(false);
    if (!outcome.ok) {
      setRejection(inLanguage(outcome.error.message, i18n.language));
      return;
    }
    props.onSaved(result.value.amountCents);
  };

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={label('amount')}
            description={t('invoices.payment.amountHelp', {
              open: formatMoney(invoice.openTtcCents, invoice.currency),
            })}
            inputMode="decimal"
            required
            rightSection="€"
            {...form.getInputProps('amount')}
          />
          <DateField
            label={label('date')}
            required
            {...form.getInputProps('date')}
            value={form.getValues().date}
          />
        </SimpleGrid>
        <FormFooter rejection={rejection} isSaving={isSaving} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}

export function CreditNoteForm(props: {
  readonly invoice: InvoiceGridRow;
  readonly onSaved: (number: string) => void;
  readonly onCancel: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const [rejection, setRejection] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isTtcTyped, setIsTtcTyped] = useState(false);
  const { invoice } = props;
  const form = useForm<CreditNoteFormValues>({
    mode: 'controlled',
    initialValues: { number: '', date: today, amountHt: '', amountTtc: '' },
  });
  const label = (field: keyof CreditNoteFormValues): string => t(`invoices.creditNote.${field}`);

  const submit = async (values: CreditNoteFormValues) => {
    setRejection(null);
    const result = toCreditNote(values);
    if (!result.ok) {
      form.setErrors(formErrors(t, result.errors, ['number', 'date', 'amountHt', 'amountTtc'], label));
      return;
    }
    setIsSaving(true);
    const outcome = await run('recordCreditNote', {
      id: crypto.randomUUID(),
      buyerId: invoice.buyerId,
      invoiceId: invoice.id,
      currency: invoice.currency,
      ...result.value,
    });
    setIsSaving(false);
    if (!outcome.ok) {
      setRejection(inLanguage(outcome.error.message, i18n.language));
      return;
    }
    props.onSaved(result.value.number);
  };

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={label('number')} required {...form.getInputProps('number')} />
          <DateField
            label={label('date')}
            required
            {...form.getInputProps('date')}
            value={form.getValues().date}
          />
          <TextInput
            label={label('amountHt')}
            description={t('invoices.form.amountHelp')}
            inputMode="decimal"
            required
            rightSection="€"
            {...form.getInputProps('amountHt')}
            onChange={(event) => {
              const text = event.currentTarget.value;
              form.setFieldValue('amountHt', text);
              if (!isTtcTyped) form.setFieldValue('amountTtc', proposedTtc(text));
            }}
          />
          <TextInput
            label={label('amountTtc')}
            description={t('invoices.form.ttcHelp')}
            inputMode="decimal"
            required
            rightSection="€"
            {...form.getInputProps('amountTtc')}
            onChange={(event) => {
              setIsTtcTyped(true);
              form.setFieldValue('amountTtc', event.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <FormFooter rejection={rejection} isSaving={isSaving} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
