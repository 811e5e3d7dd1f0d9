/**
 * The steps of a claim: one button per event of the workflow. A step the domain does not allow now
 * (`allowedEvents`) stays visible, focusable and marked `aria-disabled`, with its reason as a tooltip and as
 * text under it (keyboard and screen-reader users read it too). A step opens its form: date, amount when the
 * event carries one (with the computed maximum, or the live split of a recovery), comment.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimRow } from '../../../shared/commands/entities';
import { maximumIndemnityCents, outstandingLossCents } from '../../../shared/domain/claims';
import type { ClaimEventType } from '../../../shared/domain/claims';
import { isIsoDate } from '../../../shared/domain/dates';
import { splitRecoveryAfterIndemnity } from '../../../shared/domain/indemnity';
import { parseAmount } from '../../../shared/domain/money';
import type { Policy } from '../../../shared/domain/policy';
import { DateField } from '../../components/DateField';
import { useCommand } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatMoney } from '../../lib/format';
import { disabledReasonOf, needsAmount } from './claim-view';

const MAIN_STEPS: readonly ClaimEventType[] = [
  'reminder-sent',
  'dms-filed',
  'dic-filed',
  'waiting-period-started',
  'indemnity-paid',
  'claim-rejected',
  'recovery-received',
  'closed',
];
const OTHER_STEPS: readonly ClaimEventType[] = [
  'paid-in-full',
  'insolvency-declared',
  'claim-admitted',
  'dispute-opened',
  'dispute-resolved',
];

function StepButton({
  claim,
  type,
  onChoose,
}: {
  readonly claim: ClaimRow;
  readonly type: ClaimEventType;
  readonly onChoose: (type: ClaimEventType) => void;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const reason = disabledReasonOf(claim, type);
  const label = t(`claims.actions.${type}`);
  if (reason === null) {
    return (
      <Button
        variant="light"
        fullWidth
        justify="flex-start"
        onClick={() => {
          onChoose(type);
        }}
      >
        {label}
      </Button>
    );
  }
  const text = t(`claims.disabled.${reason}`);
  return (
    <Stack gap={2}>
      <Tooltip label={text} withArrow multiline w={260}>
        <Button
          variant="light"
          color="gray"
          fullWidth
          justify="flex-start"
          data-disabled
          aria-disabled
          aria-describedby={reasonId}
          onClick={(event) => {
            event.preventDefault();
          }}
        >
          {label}
        </Button>
      </Tooltip>
      <Text id={reasonId} size="xs" c="dimmed">
        {text}
      </Text>
    </Stack>
  );
}

function EventForm({
  claim,
  policy,
  type,
  onClose,
}: {
  readonly claim: ClaimRow;
  readonly policy: Policy;
  readonly type: ClaimEventType;
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const [date, setDate] = useState<string>(today);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const parsed = amount.trim() === '' ? null : parseAmount(amount);
  const cents = parsed?.ok === true ? parsed.cents : null;
  const isSettled =
    claim.status === 'indemnified' || claim.status === 'rejected' || claim.status === 'recovering';
  const loss = outstandingLossCents(claim);
  const split =
    type === 'recovery-received' &&
    isSettled &&
    cents !== null &&
    cents > 0 &&
    claim.indemnityPaidCents <= loss
      ? splitRecoveryAfterIndemnity(cents, claim.indemnityPaidCents, loss)
      : null;

  const submit = async () => {
    if (!isIsoDate(date)) {
      setError(t('claims.form.invalidDate'));
      return;
    }
    if (needsAmount(type) && cents === null) {
      setError(t('claims.form.invalidAmount'));
      return;
    }
    const result = await run('recordClaimEvent', {
      claimId: claim.id,
      baseVersion: claim.version,
      event: {
        id: crypto.randomUUID(),
        type,
        date,
        ...(needsAmount(type) && cents !== null ? { amountCents: cents } : {}),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      },
    });
    if (!result.ok) {
      setError(i18n.language === 'en' ? result.error.message.en : result.error.message.fr);
      return;
    }
    notifications.show({ message: t('claims.form.saved', { event: t(`claims.events.${type}`) }) });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t(`claims.actions.${type}`)}>
      <Stack gap="sm">
        <DateField label={t('claims.form.date')} value={date} onChange={setDate} required />
        {needsAmount(type) ? (
          <TextInput
            label={t('claims.form.amount')}
            value={amount}
            onChange={(event) => {
              setAmount(event.currentTarget.value);
            }}
            rightSection="€"
            inputMode="decimal"
            required
            description={
              type === 'indemnity-paid'
                ? t('claims.form.maximum', { amount: formatMoney(maximumIndemnityCents(claim, policy)) })
                : isSettled
                  ? undefined
                  : t('claims.form.beforeSettlement')
            }
          />
        ) : null}
        {split === null ? null : (
          <Text size="sm" fw={600} aria-live="polite">
            {t('claims.form.splitPreview', {
              insurer: formatMoney(split.insurerCents),
              insured: formatMoney(split.insuredCents),
            })}
          </Text>
        )}
        <Textarea
          label={t('claims.form.note')}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
          }}
        />
        {error === null ? null : (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('claims.form.cancel')}
          </Button>
          <Button onClick={() => void submit()}>{t('claims.form.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ClaimActions({ claim, policy }: { readonly claim: ClaimRow; readonly policy: Policy }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ClaimEventType | null>(null);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('claims.actionsTitle')}
      </Title>
      {MAIN_STEPS.map((type) => (
        <StepButton key={type} claim={claim} type={type} onChoose={setChosen} />
      ))}
      <Title order={3} size="h6" mt="sm">
        {t('claims.actionsMore')}
      </Title>
      {OTHER_STEPS.map((type) => (
        <StepButton key={type} claim={claim} type={type} onChoose={setChosen} />
      ))}
      {chosen === null ? null : (
        <EventForm
          claim={claim}
          policy={policy}
          type={chosen}
          onClose={() => {
            setChosen(null);
          }}
        />
      )}
    </Stack>
  );
}
