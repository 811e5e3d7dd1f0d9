/**
 * « Nouveau sinistre »: choose a buyer with overdue invoices, tick the invoices (past due on the opening
 * date, still open), see the total, open the claim. The command checks everything again (paid, not overdue,
 * another buyer's, already claimed) and its reason is shown as is.
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isIsoDate } from '../../../shared/domain/dates';
import { DateField } from '../../components/DateField';
import { useBuyersWithOverdue, useOverdueInvoices } from '../../data/claim-hooks';
import { useCommand } from '../../data/hooks';
import { useEffectivePolicy } from '../../data/policy-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney } from '../../lib/format';

export function NewClaimModal({
  initialBuyerId,
  initialInvoiceIds,
  onClose,
}: {
  readonly initialBuyerId: string | null;
  readonly initialInvoiceIds: readonly string[];
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const navigate = useNavigate();
  const policy = useEffectivePolicy();
  const buyers = useBuyersWithOverdue();
  const [buyerId, setBuyerId] = useState<string | null>(initialBuyerId);
  const [openedOn, setOpenedOn] = useState<string>(today);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(initialInvoiceIds));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const asOf = isIsoDate(openedOn) ? openedOn : today;
  const invoices = useOverdueInvoices(buyerId, policy, asOf);
  const chosen = (invoices ?? []).filter((invoice) => ticked.has(invoice.id));
  const total = chosen.reduce((sum, invoice) => sum + invoice.openTtcCents, 0);

  const submit = async () => {
    if (buyerId === null) {
      setError(t('claims.new.pickBuyer'));
      return;
    }
    if (!isIsoDate(openedOn)) {
      setError(t('claims.form.invalidDate'));
      return;
    }
    if (chosen.length === 0) {
      setError(t('claims.new.pickInvoice'));
      return;
    }
    setSaving(true);
    const claimId = crypto.randomUUID();
    const result = await run('openClaimFromInvoices', {
      claimId,
      buyerId,
      invoiceIds: chosen.map((invoice) => invoice.id),
      openedOn,
    });
    setSaving(false);
    if (!result.ok) {
      setError(i18n.language === 'en' ? result.error.message.en : result.error.message.fr);
      return;
    }
    onClose();
    void navigate(`/claims/${claimId}`);
  };

  const options = buyers?.map((buyer) => ({ value: buyer.id, label: buyer.name })) ?? [];
  return (
    <Modal opened onClose={onClose} title={t('claims.new.title')} size="lg">
      <Stack gap="md">
        {buyers !== undefined && buyers.length === 0 ? (
          <Text c="dimmed">{t('claims.new.noBuyer')}</Text>
        ) : null}
        <Select
          label={t('claims.new.buyer')}
          placeholder={t('claims.new.buyerPlaceholder')}
          data={options}
          value={buyerId}
          onChange={(value) => {
            setBuyerId(value);
            setTicked(new Set());
            setError(null);
          }}
          searchable
          limit={50}
          nothingFoundMessage={t('claims.new.noBuyer')}
        />
        <DateField label={t('claims.new.openedOn')} value={openedOn} onChange={setOpenedOn} w={200} />
        {buyerId === null ? null : (
          <Checkbox.Group
            label={t('claims.new.invoices')}
            value={[...ticked]}
            onChange={(values) => {
              setTicked(new Set(values));
              setError(null);
            }}
          >
            <Stack gap="xs" mt="xs">
              {invoices !== undefined && invoices.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('claims.new.noInvoices')}
                </Text>
              ) : null}
              {invoices?.map((invoice) => (
                <Checkbox
                  key={invoice.id}
                  value={invoice.id}
                  label={
                    t('claims.new.invoiceLine', {
                      number: invoice.number,
                      due: formatDate(invoice.dueDate),
                      amount: formatMoney(invoice.openTtcCents),
                    }) + (invoice.isDisputed ? ` (${t('claims.new.disputed')})` : '')
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Text fw={600} aria-live="polite">
          {t('claims.new.total', { amount: formatMoney(total) })}
        </Text>
        {error === null ? null : (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('claims.new.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={isSaving}>
            {t('claims.new.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
