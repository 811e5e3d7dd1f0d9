/**
 * Where a letter is made: a modal that previews it on screen exactly as it will print (the same component
 * inside a white sheet), with the letter date editable, then « Enregistrer en PDF » (printDocument: a saved
 * file in the desktop app, the print dialog in a browser).
 *
 * A formal notice needs the ECB rate of each half-year its invoices fell due in. When the table has no rate
 * for one (the domain guesses none), the modal asks for it, showing the latest known rate as a hint only;
 * until a valid rate is typed the PDF button stays disabled, with the reason shown.
 */
import { Alert, Group, Loader, Modal, NumberInput, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../shared/domain/dates';
import type { HalfYear } from '../../../shared/domain/late-payment';
import type { BasisPoints, IsoDate } from '../../../shared/domain/types';
import { DateField } from '../../components/DateField';
import { useCompany } from '../../data/company-hooks';
import { useBuyer } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatNumber } from '../../lib/format';
import { DocumentSheet, MissingCompanyNotice, PreviewActions, useSaveAsPdf } from '../DocumentPreview';
import { safeFileName } from '../print-document';
import { FormalNoticeLetter } from './FormalNoticeLetter';
import {
  formalNoticeFigures,
  latestReferenceRate,
  missingRateHalfYears,
  ratesWithOverrides,
  reminderFigures,
} from './letter-figures';
import type { LetterInvoice } from './letter-figures';
import type { LetterRecipient, LetterSender } from './letter-parts';
import { ReminderLetter } from './ReminderLetter';

export type LetterKind = 'reminder' | 'formal-notice';

export type LetterPreviewModalProps = {
  readonly kind: LetterKind;
  readonly buyerId: string;
  /** The candidate invoices; the letter names those open and past due on its date. */
  readonly invoices: readonly LetterInvoice[];
  readonly onClose: () => void;
};

/** Mounted only while open, so each opening starts from today's date and fresh rates. */
export function LetterPreviewModal(props: LetterPreviewModalProps) {
  const { t } = useTranslation();
  const title = props.kind === 'reminder' ? t('letters.reminder.title') : t('letters.formalNotice.title');
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={title}
      size="min(960px, 96vw)"
      closeButtonProps={{ 'aria-label': t('letters.close') }}
    >
      <LetterPreviewBody {...props} />
    </Modal>
  );
}

function LetterPreviewBody(props: LetterPreviewModalProps) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const buyer = useBuyer(props.buyerId);
  const stored = useCompany();
  const [dateText, setDateText] = useState<string>(today);
  const [typedRates, setTypedRates] = useState<ReadonlyMap<HalfYear, number | string>>(new Map());
  const { save: saveAsPdf, isSaving } = useSaveAsPdf({
    saved: (path) => t('letters.saved', { path }),
    failedTitle: t('letters.failed'),
    onSaved: props.onClose,
  });

  if (buyer === undefined || stored === undefined) return <Loader size="sm" aria-label={t('app.loading')} />;

  const isDateValid = isIsoDate(dateText);
  const date: IsoDate = isDateValid ? dateText : today;
  const sender: LetterSender = stored.company;
  const recipient: LetterRecipient = buyer;
  const latest = latestReferenceRate();
  const missing = props.kind === 'formal-notice' ? missingRateHalfYears(props.invoices, date) : [];
  // Never prefilled: a rate missing from the table is the user's to state (the domain guesses none).
  const ecbPercentOf = (halfYear: HalfYear): number | string => typedRates.get(halfYear) ?? '';
  const overrides = new Map<HalfYear, BasisPoints>();
  for (const halfYear of missing) {
    const percent = ecbPercentOf(halfYear);
    if (typeof percent === 'number' && percent >= 0 && percent <= 20)
      overrides.set(halfYear, Math.round(percent * 100));
  }
  const rates = ratesWithOverrides(overrides);
  const hasAllRates = overrides.size === missing.length;
  const lineCount =
    props.kind === 'reminder'
      ? reminderFigures(props.invoices, date).lines.length
      : formalNoticeFigures({ invoices: props.invoices, letterDate: date, rates }).lines.length;

  const letter: ReactNode =
    props.kind === 'reminder' ? (
      <ReminderLetter sender={sender} recipient={recipient} invoices={props.invoices} date={date} />
    ) : (
      <FormalNoticeLetter
        sender={sender}
        recipient={recipient}
        invoices={props.invoices}
        date={date}
        rates={rates}
      />
    );

  const blocker: string | null = !isDateValid
    ? t('letters.errors.date')
    : lineCount === 0
      ? t('letters.errors.nothingOverdue')
      : !hasAllRates
        ? t('letters.errors.rate')
        : null;

  const save = () => {
    const numbers = props.invoices.length === 1 ? `-${props.invoices[0]?.number ?? ''}` : '';
    const base = props.kind === 'reminder' ? 'relance' : 'mise-en-demeure';
    return saveAsPdf({
      node: letter,
      fileName: safeFileName(`${base}-${buyer.name}${numbers}-${date}.pdf`),
      title: `${props.kind === 'reminder' ? 'Relance' : 'Mise en demeure'} — ${buyer.name}`,
    });
  };

  return (
    <Stack gap="md">
      {sender === undefined ? (
        <MissingCompanyNotice
          text={t('letters.noCompany')}
          linkLabel={t('letters.openSettings')}
          onNavigate={props.onClose}
        />
      ) : null}
      <Group align="flex-start" gap="lg" wrap="wrap">
        <DateField
          label={t('letters.date')}
          description={t('letters.dateHelp')}
          value={dateText}
          onChange={setDateText}
          error={isDateValid ? undefined : t('letters.errors.date')}
          w={220}
        />
        {missing.map((halfYear) => (
          <NumberInput
            key={halfYear}
            label={t('letters.ecbRate', { halfYear: halfYearLabel(halfYear) })}
            description={t('letters.ecbRateHelp', {
              rate: formatNumber(latest.ecbRateBp / 100),
              halfYear: halfYearLabel(latest.halfYear),
            })}
            value={ecbPercentOf(halfYear)}
            onChange={(value) => {
              setTypedRates((previous) => new Map(previous).set(halfYear, value));
            }}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            min={0}
            max={20}
            decimalScale={2}
            decimalSeparator=","
            suffix=" %"
            w={320}
          />
        ))}
      </Group>
      <DocumentSheet label={t('letters.preview')}>{letter}</DocumentSheet>
      {blocker === null ? null : (
        <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} role="status">
          {blocker}
        </Alert>
      )}
      <PreviewActions
        help={t('letters.pdfHelp')}
        cancelLabel={t('letters.cancel')}
        saveLabel={t('letters.savePdf')}
        onCancel={props.onClose}
        onSave={() => void save()}
        isSaving={isSaving}
        isDisabled={blocker !== null}
      />
    </Stack>
  );
}

/** « 1er semestre 2026 » from « 2026-H1 » — French in both languages (a legal period name). */
function halfYearLabel(halfYear: HalfYear): string {
  const [year, half] = halfYear.split('-');
  return `${half === 'H1' ? '1er' : '2e'} semestre ${year ?? ''}`;
}
