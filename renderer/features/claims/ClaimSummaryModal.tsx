/**
 * « Récapitulatif DMS / DIC »: the claim summary for the insurer (ClaimSummaryDocument) previewed on screen in
 * a white sheet exactly as it will print, then « Enregistrer en PDF » (printDocument: a saved file in the
 * desktop app, the print dialog in a browser). Same pattern as the letters' LetterPreviewModal.
 *
 * The document is dated today and its invoices carry their open balance on that day; the limit and the
 * quotité are those fixed on the claim when it was opened (ClaimRow.applicableLimitCents / quotityBp).
 * Mounted only while open, so each opening reads fresh data.
 */
import { Alert, Anchor, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { claimOfRow } from '../../../shared/commands/claim-commands';
import type { ClaimRow } from '../../../shared/commands/entities';
import type { Policy } from '../../../shared/domain/policy';
import { useClaimInvoices } from '../../data/claim-hooks';
import { useCompany } from '../../data/company-hooks';
import { useBuyer } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { ClaimSummaryDocument } from '../../documents/letters/ClaimSummaryDocument';
import { printDocument, safeFileName } from '../../documents/print-document';

export type ClaimSummaryModalProps = {
  readonly claim: ClaimRow;
  readonly policy: Policy;
  readonly onClose: () => void;
};

export function ClaimSummaryModal(props: ClaimSummaryModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('claims.summaryDocument.title')}
      size="min(960px, 96vw)"
      closeButtonProps={{ 'aria-label': t('claims.summaryDocument.close') }}
    >
      <ClaimSummaryBody {...props} />
    </Modal>
  );
}

function ClaimSummaryBody({ claim, policy, onClose }: ClaimSummaryModalProps) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const buyer = useBuyer(claim.buyerId);
  const stored = useCompany();
  const invoices = useClaimInvoices(claim.buyerId, claim.invoiceIds, today);
  const [isPrinting, setIsPrinting] = useState(false);

  if (buyer === undefined || stored === undefined || invoices === undefined)
    return <Loader size="sm" aria-label={t('app.loading')} />;

  const document = (
    <ClaimSummaryDocument
      claim={claimOfRow(claim)}
      buyer={buyer}
      invoices={invoices}
      company={stored.company}
      policy={policy}
      date={today}
      limitInForceCents={claim.applicableLimitCents}
      quotityBp={claim.quotityBp}
    />
  );

  const save = async () => {
    setIsPrinting(true);
    const outcome = await printDocument({
      node: document,
      fileName: safeFileName(`recapitulatif-sinistre-${buyer.name}-${today}.pdf`),
      title: `Récapitulatif de sinistre — ${buyer.name}`,
    });
    setIsPrinting(false);
    switch (outcome.kind) {
      case 'saved':
        notifications.show({
          color: 'teal',
          message: t('claims.summaryDocument.saved', { path: outcome.savedAs }),
          autoClose: 6000,
        });
        onClose();
        break;
      case 'print-dialog':
      case 'cancelled':
        break;
      case 'error':
        notifications.show({
          color: 'red',
          title: t('claims.summaryDocument.failed'),
          message: outcome.message,
        });
        break;
    }
  };

  return (
    <Stack gap="md">
      {stored.company === undefined ? (
        <Alert color="orange" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('claims.summaryDocument.noCompany')}{' '}
          <Anchor component={Link} to="/settings" onClick={onClose}>
            {t('claims.summaryDocument.openSettings')}
          </Anchor>
        </Alert>
      ) : null}
      <Paper
        withBorder
        shadow="sm"
        p="xl"
        bg="white"
        c="#111"
        role="region"
        aria-label={t('claims.summaryDocument.preview')}
        style={{ maxHeight: '60vh', overflowY: 'auto', fontSize: 14 }}
        tabIndex={0}
      >
        {document}
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('claims.summaryDocument.pdfHelp')}
        </Text>
        <Group>
          <Button variant="default" onClick={onClose}>
            {t('claims.summaryDocument.cancel')}
          </Button>
          <Button
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            onClick={() => void save()}
            loading={isPrinting}
          >
            {t('claims.summaryDocument.savePdf')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
