/**
 * The side drawer of the Factures page: an invoice's details and its actions, or one of the forms (new
 * invoice, edit, payment, credit note) or confirmations (dispute, delete). One drawer whose body changes,
 * rather than modals over a drawer, so there is only ever one focus trap.
 */
import { Alert, Button, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCash,
  IconEdit,
  IconFlag,
  IconFlagOff,
  IconGavel,
  IconMail,
  IconReceiptRefund,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BuyerRow } from '../../../shared/commands/entities';
import { useCommand } from '../../data/hooks';
import { LetterPreviewModal } from '../../documents/letters/LetterPreviewModal';
import type { LetterKind } from '../../documents/letters/LetterPreviewModal';
import { formatDate, formatMoney } from '../../lib/format';
import { inLanguage } from './form-errors';
import { InvoiceForm } from './InvoiceForm';
import { StatusBadge } from './InvoiceGridTable';
import type { InvoiceGridRow } from './invoice-grid-model';
import { CreditNoteForm, PaymentForm } from './SettlementForms';

export type DrawerMode = 'detail' | 'create' | 'edit' | 'payment' | 'creditNote' | 'dispute' | 'delete';

function showNotice(message: string, closeLabel: string): void {
  notifications.show({
    color: 'teal',
    message,
    autoClose: 4000,
    closeButtonProps: { 'aria-label': closeLabel },
  });
}

export function InvoiceDrawer(props: {
  readonly mode: DrawerMode | null;
  readonly invoice: InvoiceGridRow | undefined;
  readonly buyers: readonly BuyerRow[];
  readonly defaultBuyerId: string | null;
  readonly onMode: (mode: DrawerMode | null) => void;
}) {
  const { t } = useTranslation();
  const { mode, invoice } = props;
  // A letter's preview is a modal of its own: the drawer closes first, so only one focus trap is active.
  const [letter, setLetter] = useState<{ kind: LetterKind; invoice: InvoiceGridRow } | null>(null);
  const notify = (message: string) => {
    showNotice(message, t('invoices.actions.close'));
  };
  const isOpen = mode !== null && (mode === 'create' || invoice !== undefined);
  const close = () => {
    props.onMode(null);
  };
  const back = () => {
    props.onMode(invoice === undefined ? null : 'detail');
  };
  const number = invoice?.number ?? '';
  const titles: Record<DrawerMode, string> = {
    detail: t('invoices.detail.title', { number }),
    create: t('invoices.form.createTitle'),
    edit: t('invoices.form.editTitle', { number }),
    payment: t('invoices.payment.title', { number }),
    creditNote: t('invoices.creditNote.title', { number }),
    dispute: t(
      invoice?.isDisputed === true ? 'invoices.confirm.undisputeTitle' : 'invoices.confirm.disputeTitle',
      {
        number,
      },
    ),
    delete: t('invoices.confirm.deleteTitle', { number }),
  };

  let body: ReactNode = null;
  if (mode === 'create') {
    body = (
      <InvoiceForm
        buyers={props.buyers}
        defaultBuyerId={props.defaultBuyerId}
        onSaved={(saved) => {
          notify(t('invoices.notify.created', { number: saved }));
          close();
        }}
        onCancel={close}
      />
    );
  } else if (invoice !== undefined) {
    switch (mode) {
      case 'detail':
        body = (
          <InvoiceDetail
            invoice={invoice}
            onMode={props.onMode}
            onLetter={(kind) => {
              setLetter({ kind, invoice });
              close();
            }}
          />
        );
        break;
      case 'edit':
        body = (
          <InvoiceForm
            buyers={props.buyers}
            invoice={invoice}
            onSaved={(saved) => {
              notify(t('invoices.notify.updated', { number: saved }));
              back();
            }}
            onCancel={back}
          />
        );
        break;
      case 'payment':
        body = (
          <PaymentForm
            invoice={invoice}
            onSaved={(amountCents) => {
              notify(t('invoices.notify.payment', { amount: formatMoney(amountCents), number }));
              back();
            }}
            onCancel={back}
          />
        );
        break;
      case 'creditNote':
        body = (
          <CreditNoteForm
            invoice={invoice}
            onSaved={(credit) => {
              notify(t('invoices.notify.creditNote', { credit, number }));
              back();
            }}
            onCancel={back}
          />
        );
        break;
      case 'dispute':
      case 'delete':
        body = (
          <Confirmation
            invoice={invoice}
            action={mode}
            onDone={mode === 'delete' ? close : back}
            onCancel={back}
          />
        );
        break;
      case null:
        break;
    }
  }

  return (
    <>
      {letter === null ? null : (
        <LetterPreviewModal
          kind={letter.kind}
          buyerId={letter.invoice.buyerId}
          invoices={[letter.invoice]}
          onClose={() => {
            setLetter(null);
          }}
        />
      )}
      <Drawer
        opened={isOpen}
        onClose={close}
        position="right"
        size="lg"
        title={mode === null ? '' : titles[mode]}
        closeButtonProps={{ 'aria-label': t('invoices.actions.close') }}
      >
        {body}
      </Drawer>
    </>
  );
}

function InvoiceDetail(props: {
  readonly invoice: InvoiceGridRow;
  readonly onMode: (mode: DrawerMode) => void;
  readonly onLetter: (kind: LetterKind) => void;
}) {
  const { t } = useTranslation();
  const { invoice } = props;
  const actionsRef = useRef<HTMLDivElement>(null);
  // Back from a form, the form's focused field is gone: focus the first action, so the keyboard stays in
  // the drawer (and Escape still closes it), rather than falling to the page body.
  useEffect(() => {
    if (document.activeElement === document.body) actionsRef.current?.querySelector('button')?.focus();
  }, []);
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const lines: readonly [string, ReactNode][] = [
    [
      t('invoices.detail.buyer'),
      <Link to={`/buyers/${encodeURIComponent(invoice.buyerId)}`}>{invoice.buyerName}</Link>,
    ],
    [t('invoices.detail.status'), <StatusBadge status={invoice.status} />],
    [t('invoices.detail.issueDate'), formatDate(invoice.issueDate)],
    [
      t('invoices.detail.deliveryDate'),
      invoice.deliveryDate === undefined ? t('invoices.detail.none') : formatDate(invoice.deliveryDate),
    ],
    [t('invoices.detail.dueDate'), formatDate(invoice.dueDate)],
    [
      t('invoices.detail.daysOverdue'),
      invoice.daysOverdue > 0
        ? t('invoices.daysLate', { count: invoice.daysOverdue })
        : t('invoices.detail.none'),
    ],
    [t('invoices.detail.amountHt'), money(invoice.amountHtCents)],
    [t('invoices.detail.amountTtc'), money(invoice.amountTtcCents)],
    [t('invoices.detail.paid'), money(invoice.paidCents)],
    [t('invoices.detail.credited'), money(invoice.creditedCents)],
    [t('invoices.detail.open'), <strong>{money(invoice.openTtcCents)}</strong>],
  ];
  return (
    <Stack gap="lg">
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 24px', margin: 0 }}>
        {lines.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt>
              <Text size="sm" c="dimmed">
                {term}
              </Text>
            </dt>
            <dd style={{ margin: 0 }}>
              <Text size="sm" component="div" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {value}
              </Text>
            </dd>
          </div>
        ))}
      </dl>
      <SimpleGrid cols={2} spacing="sm" ref={actionsRef}>
        <Button
          leftSection={<IconCash size={16} aria-hidden />}
          onClick={() => {
            props.onMode('payment');
          }}
          disabled={invoice.openTtcCents === 0}
        >
          {t('invoices.actions.payment')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconReceiptRefund size={16} aria-hidden />}
          onClick={() => {
            props.onMode('creditNote');
          }}
        >
          {t('invoices.actions.creditNote')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconEdit size={16} aria-hidden />}
          onClick={() => {
            props.onMode('edit');
          }}
        >
          {t('invoices.actions.edit')}
        </Button>
        <Button
          variant="default"
          leftSection={
            invoice.isDisputed ? <IconFlagOff size={16} aria-hidden /> : <IconFlag size={16} aria-hidden />
          }
          onClick={() => {
            props.onMode('dispute');
          }}
        >
          {t(invoice.isDisputed ? 'invoices.actions.undispute' : 'invoices.actions.dispute')}
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => {
            props.onMode('delete');
          }}
        >
          {t('invoices.actions.delete')}
        </Button>
        {invoice.status === 'overdue' ? (
          <>
            <Button
              variant="default"
              leftSection={<IconMail size={16} aria-hidden />}
              onClick={() => {
                props.onLetter('reminder');
              }}
            >
              {t('letters.actions.reminder')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconGavel size={16} aria-hidden />}
              onClick={() => {
                props.onLetter('formal-notice');
              }}
            >
              {t('letters.actions.formalNotice')}
            </Button>
          </>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}

function Confirmation(props: {
  readonly invoice: InvoiceGridRow;
  readonly action: 'dispute' | 'delete';
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { run } = useCommand();
  const [rejection, setRejection] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const { invoice, action } = props;
  const number = invoice.number;
  const body =
    action === 'delete'
      ? t('invoices.confirm.deleteBody')
      : t(invoice.isDisputed ? 'invoices.confirm.undisputeBody' : 'invoices.confirm.disputeBody');

  const confirm = async () => {
    setRejection(null);
    setIsSaving(true);
    const outcome =
      action === 'delete'
        ? await run('deleteInvoice', { id: invoice.id })
        : await run('setInvoiceDispute', { id: invoice.id, disputed: !invoice.isDisputed });
    setIsSaving(false);
    if (!outcome.ok) {
      setRejection(inLanguage(outcome.error.message, i18n.language));
      return;
    }
    const done =
      action === 'delete'
        ? t('invoices.notify.deleted', { number })
        : t(invoice.isDisputed ? 'invoices.notify.undisputed' : 'invoices.notify.disputed', { number });
    showNotice(done, t('invoices.actions.close'));
    props.onDone();
  };

  return (
    <Stack gap="md">
      <Text>{body}</Text>
      {rejection === null ? null : (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {rejection}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t('invoices.actions.cancel')}
        </Button>
        <Button
          color={action === 'delete' ? 'red' : 'blue'}
          loading={isSaving}
          onClick={() => void confirm()}
        >
          {action === 'delete'
            ? t('invoices.actions.delete')
            : t(invoice.isDisputed ? 'invoices.actions.undispute' : 'invoices.actions.dispute')}
        </Button>
      </Group>
    </Stack>
  );
}
