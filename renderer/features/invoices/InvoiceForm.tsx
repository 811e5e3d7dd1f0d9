/**
 * « Nouvelle facture » (`recordInvoice`) and « Modifier » (`updateInvoice`). The due date is proposed from
 * the buyer's payment terms and the TTC at 20 % VAT, both until the user types their own. Dates are typed
 * JJ/MM/AAAA (`DateField`, whose ISO value the form holds). A command's rejection is shown in the form, in
 * the UI language.
 */
import { Alert, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuyerRow } from '../../../shared/commands/entities';
import { isIsoDate } from '../../../shared/domain/dates';
import { DateField } from '../../components/DateField';
import { useCommand } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formErrors } from './form-errors';
import { AmountHtTtcInputs, FormFooter, useFormCommand } from './form-parts';
import { centsToInput, proposedDueDate, toInvoiceFields } from './invoice-form-model';
import type { InvoiceFormValues } from './invoice-form-model';
import type { InvoiceGridRow } from './invoice-grid-model';

const FIELDS: readonly (keyof InvoiceFormValues)[] = [
  'buyerId',
  'number',
  'issueDate',
  'deliveryDate',
  'dueDate',
  'amountHt',
  'amountTtc',
  'currency',
];

export function InvoiceForm(props: {
  readonly buyers: readonly BuyerRow[];
  /** The invoice being edited; absent for a new one. */
  readonly invoice?: InvoiceGridRow;
  readonly defaultBuyerId?: string | null;
  readonly onSaved: (number: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const { rejection, isSaving, clearRejection, submitCommand } = useFormCommand();
  const editing = props.invoice;
  const termsOf = (buyerId: string): number | undefined =>
    props.buyers.find((buyer) => buyer.id === buyerId)?.paymentTermsDays;
  const initialBuyer = editing?.buyerId ?? props.defaultBuyerId ?? '';
  const form = useForm<InvoiceFormValues>({
    mode: 'controlled',
    initialValues:
      editing === undefined
        ? {
            buyerId: initialBuyer,
            number: '',
            issueDate: today,
            deliveryDate: today,
            dueDate: proposedDueDate(today, today, termsOf(initialBuyer)),
            amountHt: '',
            amountTtc: '',
            currency: 'EUR',
          }
        : {
            buyerId: editing.buyerId,
            number: editing.number,
            issueDate: editing.issueDate,
            deliveryDate: editing.deliveryDate ?? '',
            dueDate: editing.dueDate,
            amountHt: centsToInput(editing.amountHtCents),
            amountTtc: centsToInput(editing.amountTtcCents),
            currency: editing.currency,
          },
  });
  // Proposals follow their sources until the user edits the proposed field itself.
  const [isDueTyped, setIsDueTyped] = useState(editing !== undefined);
  const [isTtcTyped, setIsTtcTyped] = useState(editing !== undefined);
  const values = form.getValues();
  const label = (field: keyof InvoiceFormValues): string =>
    t(field === 'buyerId' ? 'invoices.form.buyer' : `invoices.form.${field}`);

  const reproposeDue = (patch: Partial<InvoiceFormValues>) => {
    if (isDueTyped) return;
    // A date still being typed (« 12/0 ») proposes nothing: the due date keeps its last proposal rather
    // than blinking empty at every keystroke.
    const isHalfTyped = (date: string | undefined) => date !== undefined && date !== '' && !isIsoDate(date);
    if (isHalfTyped(patch.issueDate) || isHalfTyped(patch.deliveryDate)) return;
    const next = { ...values, ...patch };
    form.setFieldValue('dueDate', proposedDueDate(next.issueDate, next.deliveryDate, termsOf(next.buyerId)));
  };

  const submit = async (submitted: InvoiceFormValues) => {
    clearRejection();
    const result = toInvoiceFields(submitted);
    if (!result.ok) {
      form.setErrors(formErrors(t, result.errors, FIELDS, label));
      return;
    }
    const isAccepted = await submitCommand(() =>
      editing === undefined
        ? run('recordInvoice', { id: crypto.randomUUID(), ...result.value })
        : run('updateInvoice', {
            id: editing.id,
            patch: { ...result.value, deliveryDate: result.value.deliveryDate ?? null },
          }),
    );
    if (isAccepted) props.onSaved(result.value.number);
  };

  const buyerTerms = termsOf(values.buyerId);
  return (
    <form onSubmit={form.onSubmit((submitted) => void submit(submitted))} noValidate>
      <Stack gap="md">
        <Select
          label={label('buyerId')}
          placeholder={t('invoices.form.buyerPlaceholder')}
          data={props.buyers.map((buyer) => ({ value: buyer.id, label: buyer.name }))}
          searchable
          limit={50}
          required
          nothingFoundMessage={t('invoices.form.noBuyer')}
          {...form.getInputProps('buyerId')}
          onChange={(value: string | null) => {
            form.setFieldValue('buyerId', value ?? '');
            reproposeDue({ buyerId: value ?? '' });
          }}
        />
        <TextInput label={label('number')} required {...form.getInputProps('number')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField
            label={label('issueDate')}
            required
            {...form.getInputProps('issueDate')}
            value={values.issueDate}
            onChange={(value) => {
              form.setFieldValue('issueDate', value);
              reproposeDue({ issueDate: value });
            }}
          />
          <DateField
            label={label('deliveryDate')}
            {...form.getInputProps('deliveryDate')}
            value={values.deliveryDate}
            onChange={(value) => {
              form.setFieldValue('deliveryDate', value);
              reproposeDue({ deliveryDate: value });
            }}
          />
          <DateField
            label={label('dueDate')}
            required
            {...form.getInputProps('dueDate')}
            value={values.dueDate}
            onChange={(value) => {
              setIsDueTyped(true);
              form.setFieldValue('dueDate', value);
            }}
          />
        </SimpleGrid>
        {isDueTyped ? null : (
          <Alert variant="light" color="blue" p="xs">
            {buyerTerms === undefined
              ? t('invoices.form.dueHelpDefault')
              : t('invoices.form.dueHelp', { days: buyerTerms })}
          </Alert>
        )}
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
