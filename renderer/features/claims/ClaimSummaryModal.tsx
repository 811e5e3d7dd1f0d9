/**
 * « Récapitulatif DMS / DIC »: the claim summary for the insurer (ClaimSummaryDocument) previewed on screen in
 * a white sheet exactly as it will print, then « Enregistrer en PDF » (printDocument: a saved file in the
 * desktop app, the print dialog in a browser). Same pattern as the letters' LetterPreviewModal.
 *
 * The document is dated today and its invoices carry their open balance on that day; the limit and the
 * quotité are those fixed on the claim when it was opened (ClaimRow.applicableLimitCents / quotityBp).
 * Mounted only while open, so each opening reads fresh data.
 */
import { Loader, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { claimOfRow } from '../../../shared/commands/claim-commands';
import type { ClaimRow } from '../../../shared/commands/entities';
import type { Policy } from '../../../shared/domain/policy';
import { useClaimInvoices } from '../../data/claim-hooks';
import { useCompany } from '../../data/company-hooks';
import { useBuyer } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { ClaimSummaryDocument } from '../../documents/letters/ClaimSummaryDocument';
import {
  DocumentSheet,
  MissingCompanyNotice,
  PreviewActions,
  useSaveAsPdf,
} from '../../documents/DocumentPreview';
import { safeFileName } from '../../documents/print-document';

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
  const { save: saveAsPdf, isSaving } = useSaveAsPdf({
    saved: (path) => t('claims.summaryDocument.saved', { path }),
    failedTitle: t('claims.summaryDocument.failed'),
    onSaved: onClose,
  });

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

  const save = () =>
    saveAsPdf({
      node: document,
      fileName: safeFileName(`recapitulatif-sinistre-${buyer.name}-${today}.pdf`),
      title: `Récapitulatif de sinistre — ${buyer.name}`,
    });

  return (
    <Stack gap="md">
      {stored.company === undefined ? (
        <MissingCompanyNotice
          text={t('claims.summaryDocument.noCompany')}
          linkLabel={t('claims.summaryDocument.openSettings')}
          onNavigate={onClose}
        />
      ) : null}
      <DocumentSheet label={t('claims.summaryDocument.preview')}>{document}</DocumentSheet>
      <PreviewActions
        help={t('claims.summaryDocument.pdfHelp')}
        cancelLabel={t('claims.summaryDocument.cancel')}
        saveLabel={t('claims.summaryDocument.savePdf')}
        onCancel={onClose}
        onSave={() => void save()}
        isSaving={isSaving}
      />
    </Stack>
  );
}
