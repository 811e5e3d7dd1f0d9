/**
 * Paramètres → Données: a broker shows the product on fictitious data without touching the real workspace —
 * « Créer un dossier de démonstration » creates a new workspace « Démonstration », fills it and opens it
 * (the app reloads on it, as when a backup is restored). The workspace is marked as a demo, so
 * « Réinitialiser la démonstration » can later replace it with fresh data (never touching the user's own).
 */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceActions } from '../../data/workspaces-hooks';
import { ResetDemoModal } from '../workspaces/ResetDemoModal';

export function DataCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { createDemoAndOpen } = useWorkspaceActions();
  const [isCreating, setIsCreating] = useState(false);
  const [isResetOpen, resetModal] = useDisclosure();

  const create = async () => {
    setIsCreating(true);
    const outcome = await createDemoAndOpen(t('pages.settings.demoWorkspaceName'));
    // On success the app reloads on the new workspace; only a failure comes back here.
    if (!outcome.ok) {
      setIsCreating(false);
      notifications.show({
        color: 'red',
        message: t('pages.settings.demoFailed', { message: outcome.message[lang] }),
      });
    }
  };

  return (
    <Card withBorder radius="lg" padding="xl">
      <Title order={2} size="h4" mb="md">
        {t('pages.settings.data')}
      </Title>
      <Stack gap="md" align="flex-start">
        <Text size="sm">{t('pages.settings.dataHelp')}</Text>
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconSparkles size={16} aria-hidden />}
            loading={isCreating}
            onClick={() => void create()}
          >
            {t('pages.settings.demoWorkspace')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            disabled={isCreating}
            onClick={resetModal.open}
          >
            {t('workspaces.resetDemo')}
          </Button>
        </Group>
        {isCreating && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('pages.settings.demoCreating')}
          </Text>
        )}
      </Stack>
      <ResetDemoModal opened={isResetOpen} onClose={resetModal.close} />
    </Card>
  );
}
