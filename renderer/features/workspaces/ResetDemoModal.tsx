/**
 * « Réinitialiser la démonstration » (header switcher and Paramètres → Données): after a confirmation, the
 * demo workspaces are deleted and a fresh one is created and opened (the app reloads on it).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceActions } from '../../data/workspaces-hooks';

export function ResetDemoModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { resetDemo } = useWorkspaceActions();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = t('pages.settings.demoWorkspaceName');

  const confirm = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const outcome = await resetDemo(name);
    if (!outcome.ok) {
      setIsBusy(false);
      setError(t('workspaces.resetFailed', { message: outcome.message[lang] }));
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('workspaces.resetTitle')}
      size="md"
      closeOnClickOutside={!isBusy}
    >
      <Stack gap="md">
        <Text size="sm">{t('workspaces.resetBody', { name })}</Text>
        {isBusy && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('workspaces.resetting')}
          </Text>
        )}
        {error !== null && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={isBusy}>
            {t('workspaces.cancel')}
          </Button>
          <Button color="orange" loading={isBusy} onClick={() => void confirm()}>
            {t('workspaces.resetConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
