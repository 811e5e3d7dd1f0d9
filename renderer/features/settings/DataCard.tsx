/**
 * Paramètres → Données: a broker shows the product on fictitious data without touching the real workspace —
 * « Créer un dossier de démonstration » creates a new workspace « Démonstration », fills it and opens it
 * (the app reloads on it, as when a backup is restored).
 */
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDemoWorkspace } from '../../data/demo';

export function DataCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { createAndOpen } = useDemoWorkspace();
  const [isCreating, setIsCreating] = useState(false);

  const create = async () => {
    setIsCreating(true);
    const outcome = await createAndOpen(t('pages.settings.demoWorkspaceName'));
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
        <Button
          variant="light"
          leftSection={<IconSparkles size={16} aria-hidden />}
          loading={isCreating}
          onClick={() => void create()}
        >
          {t('pages.settings.demoWorkspace')}
        </Button>
        {isCreating && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('pages.settings.demoCreating')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
