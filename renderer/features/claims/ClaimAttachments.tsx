/**
 * Files attached to a claim: add (file picker), list, download, remove. The bytes stay on this computer
 * (renderer/data/attachments.ts), which the card says.
 */
import { ActionIcon, Alert, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachmentActions } from '../../data/attachments';
import type { AttachmentOutcome } from '../../data/attachments';
import { useAttachmentsOf } from '../../data/claim-hooks';
import { formatNumber } from '../../lib/format';

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${formatNumber(Math.ceil(bytes / 1024))} Ko`
    : `${formatNumber(Math.round(bytes / 104857.6) / 10)} Mo`;
}

export function ClaimAttachments({ claimId }: { readonly claimId: string }) {
  const { t, i18n } = useTranslation();
  const files = useAttachmentsOf('claims', claimId);
  const actions = useAttachmentActions();
  const [error, setError] = useState<string | null>(null);
  const report = (outcome: AttachmentOutcome, done?: string) => {
    if (outcome.ok) {
      setError(null);
      if (done !== undefined) notifications.show({ message: done });
    } else setError(i18n.language === 'en' ? outcome.message.en : outcome.message.fr);
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('claims.attachments.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('claims.attachments.localOnly')}
      </Text>
      {files !== undefined && files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('claims.attachments.empty')}
        </Text>
      ) : null}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {files?.map((file) => (
          <Group key={file.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" truncate="end" title={file.fileName}>
              {file.fileName}{' '}
              <Text span size="xs" c="dimmed">
                ({sizeOf(file.sizeBytes)})
              </Text>
            </Text>
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label={t('claims.attachments.download', { name: file.fileName })}
                onClick={() =>
                  void actions.open(file).then((o) => {
                    report(o);
                  })
                }
              >
                <IconDownload size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('claims.attachments.remove', { name: file.fileName })}
                onClick={() =>
                  void actions.remove(file).then((o) => {
                    report(o, t('claims.attachments.removed'));
                  })
                }
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        ))}
      </Stack>
      <FileButton
        onChange={(file) => {
          if (file !== null)
            void actions.add(file, { entity: 'claims', id: claimId }).then((o) => {
              report(o, t('claims.attachments.added'));
            });
        }}
      >
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconPaperclip size={16} aria-hidden />}>
            {t('claims.attachments.add')}
          </Button>
        )}
      </FileButton>
      {error === null ? null : (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
