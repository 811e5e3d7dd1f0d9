/**
 * The pieces every document preview shares (letters, claim summary): the notice when « Votre entreprise » is
 * not filled in, the sheet showing the document as it will print, the « Annuler / Enregistrer en PDF »
 * footer, and the save itself (printDocument, then a notification saying where the PDF went or why not).
 */
import { Alert, Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { printDocument } from './print-document';
import type { PrintRequest } from './print-document';

export function MissingCompanyNotice(props: {
  readonly text: string;
  readonly linkLabel: string;
  readonly onNavigate: () => void;
}) {
  return (
    <Alert color="orange" icon={<IconInfoCircle size={18} aria-hidden />}>
      {props.text}{' '}
      <Anchor component={Link} to="/settings" onClick={props.onNavigate}>
        {props.linkLabel}
      </Anchor>
    </Alert>
  );
}

/** The document on screen, on a white sheet whatever the colour scheme; scrollable and focusable. */
export function DocumentSheet(props: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Paper
      withBorder
      shadow="sm"
      p="xl"
      bg="white"
      c="#111"
      role="region"
      aria-label={props.label}
      style={{ maxHeight: '60vh', overflowY: 'auto', fontSize: 14 }}
      tabIndex={0}
    >
      {props.children}
    </Paper>
  );
}

export function PreviewActions(props: {
  readonly help: string;
  readonly cancelLabel: string;
  readonly saveLabel: string;
  readonly onCancel: () => void;
  readonly onSave: () => void;
  readonly isSaving: boolean;
  readonly isDisabled?: boolean;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {props.help}
      </Text>
      <Group>
        <Button variant="default" onClick={props.onCancel}>
          {props.cancelLabel}
        </Button>
        <Button
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          onClick={props.onSave}
          loading={props.isSaving}
          disabled={props.isDisabled === true}
        >
          {props.saveLabel}
        </Button>
      </Group>
    </Group>
  );
}

/**
 * Prints a document and says how it went: saved (where; then `onSaved`, e.g. closing the preview), the print
 * dialog or a cancellation (nothing to say), or an error (with its message).
 */
export function useSaveAsPdf(messages: {
  readonly saved: (path: string) => string;
  readonly failedTitle: string;
  readonly onSaved: () => void;
}): { readonly save: (request: PrintRequest) => Promise<void>; readonly isSaving: boolean } {
  const [isSaving, setIsSaving] = useState(false);
  const save = async (request: PrintRequest): Promise<void> => {
    setIsSaving(true);
    const outcome = await printDocument(request);
    setIsSaving(false);
    switch (outcome.kind) {
      case 'saved':
        notifications.show({ color: 'teal', message: messages.saved(outcome.savedAs), autoClose: 6000 });
        messages.onSaved();
        break;
      case 'print-dialog':
      case 'cancelled':
        break;
      case 'error':
        notifications.show({ color: 'red', title: messages.failedTitle, message: outcome.message });
        break;
    }
  };
  return { save, isSaving };
}
