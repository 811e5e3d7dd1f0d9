/**
 * « Enregistrer un règlement » (`recordPayment`, prefilled with the open amount and today) and « Saisir un
 * avoir » (`recordCreditNote`), both naming the invoice so the domain applies them to it first. Their dates
 * are typed JJ/MM/AAAA (`DateField`); the form's own onChange takes DateField's ISO-or-text value as is.
 */
import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { useCommand } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatMoney } from '../../lib/format';
import { formErrors } from './form-errors';
import { AmountHtTtcInputs, FormFooter, useFormCommand } from './form-parts';
import { centsToInput, toCreditNote, toPayment } from './invoice-form-model';
import type { CreditNoteFormValues, PaymentFormValues } from './invoice-form-model';
import type { InvoiceGridRow } from './invoice-grid-model';

export function PaymentForm(props: {
  readonly invoice: InvoiceGridRow;
  readonly onSaved: (amountCents: number) => void;
  readonly onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const { rejection, isSaving, clearRejection, submitCommand } = useFormCommand();
  const { invoice } = props;
  const form = useForm<PaymentFormValues>({
    mode: 'controlled',
    initialValues: { amount: centsToInput(invoice.openTtcCents), date: today },
  });
  const label = (field: keyof PaymentFormValues): string => t(`invoices.payment.${field}`);

  const submit = async (values: PaymentFormValues) => {
    clearRejection();
    const result = toPayment(values);
    if (!result.ok) {
      form.setErrors(formErrors(t, result.errors, ['amount', 'date'], label));
      return;
    }
    const isAccepted = await submitCommand(() =>
      run('recordPayment', {
        id: crypto.randomUUID(),
        buyerId: invoice.buyerId,
        invoiceId: invoice.id,
        currency: invoice.currency,
        ...result.value,
      }),
    );
    if (isAccepted) props.onSaved(result.value.amountCents);
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
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const { rejection, isSaving, clearRejection, submitCommand } = useFormCommand();
  const [isTtcTyped, setIsTtcTyped] = useState(false);
  const { invoice } = props;
  const form = useForm<CreditNoteFormValues>({
    mode: 'controlled',
    initialValues: { number: '', date: today, amountHt: '', amountTtc: '' },
  });
  const label = (field: keyof CreditNoteFormValues): string => t(`invoices.creditNote.${field}`);

  const submit = async (values: CreditNoteFormValues) => {
    clearRejection();
    const result = toCreditNote(values);
    if (!result.ok) {
      form.setErrors(formErrors(t, result.errors, ['number', 'date', 'amountHt', 'amountTtc'], label));
      return;
    }
    const isAccepted = await submitCommand(() =>
      run('recordCreditNote', {
        id: crypto.randomUUID(),
        buyerId: invoice.buyerId,
        invoiceId: invoice.id,
        currency: invoice.currency,
        ...result.value,
      }),
    );
    if (isAccepted) props.onSaved(result.value.number);
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
        </SimpleGrid>
        <AmountHtTtcInputs
          label={label}
          inputProps={(field) => form.getInputProps(field)}
          setValue={(field, value) => {
            form.setFieldValue(field, value);
          }}
          isTtcTyped={isTtcTyped}
          onTtcTyped={() => {
            setIsTtcTyped(true);
          }}
        />
        <FormFooter rejection={rejection} isSaving={isSaving} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
