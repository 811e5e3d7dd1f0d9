/** « Nouveau dossier client… »: a name, then the empty workspace is created and opened (the app reloads). */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceActions } from '../../data/workspaces-hooks';

export function NewWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { createAndOpen } = useWorkspaceActions();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setIsBusy(true);
    const outcome = await createAndOpen(name);
    // On success the app reloads on the new workspace; only a refusal comes back.
    if (!outcome.ok) {
      setIsBusy(false);
      setError(
        outcome.code === 'empty-name'
          ? t('workspaces.emptyName')
          : t('workspaces.failed', { detail: outcome.detail ?? outcome.code }),
      );
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('workspaces.newTitle')} size="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('workspaces.newHelp')}</Text>
          <TextInput
            label={t('workspaces.nameLabel')}
            placeholder={t('workspaces.namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('workspaces.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('workspaces.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
