/**
 * What the invoice, payment and credit-note forms share: running the command with the saving state and the
 * command's rejection (worded in the interface language), the HT / TTC pair (TTC proposed at 20 % until the
 * user types it), and the footer (rejection, Annuler, Enregistrer).
 */
import { Alert, Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunCommand } from '../../data/hooks';
import { inLanguage } from './form-errors';
import { proposedTtc } from './invoice-form-model';

type CommandOutcome = Awaited<ReturnType<RunCommand>>;

/** Runs one command for a form; `true` when it was accepted, else its reason is in `rejection`. */
export function useFormCommand(): {
  readonly rejection: string | null;
  readonly isSaving: boolean;
  readonly clearRejection: () => void;
  readonly submitCommand: (run: () => Promise<CommandOutcome>) => Promise<boolean>;
} {
  const { i18n } = useTranslation();
  const [rejection, setRejection] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const submitCommand = async (run: () => Promise<CommandOutcome>): Promise<boolean> => {
    setRejection(null);
    setIsSaving(true);
    const outcome = await run();
    setIsSaving(false);
    if (!outcome.ok) setRejection(inLanguage(outcome.error.message, i18n.language));
    return outcome.ok;
  };
  return {
    rejection,
    isSaving,
    clearRejection: () => {
      setRejection(null);
    },
    submitCommand,
  };
}

export type AmountField = 'amountHt' | 'amountTtc';

export function AmountHtTtcInputs(props: {
  readonly label: (field: AmountField) => string;
  readonly inputProps: (field: AmountField) => GetInputPropsReturnType;
  readonly setValue: (field: AmountField, value: string) => void;
  /** Once the user typed the TTC amount, HT no longer proposes it. */
  readonly isTtcTyped: boolean;
  readonly onTtcTyped: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={props.label('amountHt')}
        description={t('invoices.form.amountHelp')}
        inputMode="decimal"
        required
        rightSection="€"
        {...props.inputProps('amountHt')}
        onChange={(event) => {
          const text = event.currentTarget.value;
          props.setValue('amountHt', text);
          if (!props.isTtcTyped) props.setValue('amountTtc', proposedTtc(text));
        }}
      />
      <TextInput
        label={props.label('amountTtc')}
        description={t('invoices.form.ttcHelp')}
        inputMode="decimal"
        required
        rightSection="€"
        {...props.inputProps('amountTtc')}
        onChange={(event) => {
          props.onTtcTyped();
          props.setValue('amountTtc', event.currentTarget.value);
        }}
      />
    </SimpleGrid>
  );
}

export function FormFooter(props: {
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
