/**
 * The header's presentation control: a popover with « Mode présentation » (large type: the root font size
 * grows, and every rem-based size of Mantine with it) and « Masquer les noms des clients » (only meaningful,
 * hence only enabled, while presenting). Both are device settings, saved through the bridge.
 */
import { Button, Popover, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPresentation } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../shared/ipc/contract';
import { useSettings } from '../../app/settings-context';

/** Root font size while presenting: 16 px × 1.1875 = 19 px. */
const PRESENTATION_FONT_SIZE = '118.75%';

/** Applies the presentation type size to the document while the setting is on. */
export function usePresentationTypeSize(): boolean {
  const { settings } = useSettings();
  const isPresenting = settings.presentationMode === true;
  useEffect(() => {
    const root = document.documentElement;
    root.style.fontSize = isPresenting ? PRESENTATION_FONT_SIZE : '';
    if (isPresenting) root.dataset.presentation = 'on';
    else delete root.dataset.presentation;
  }, [isPresenting]);
  return isPresenting;
}

export function PresentationControl() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const isPresenting = usePresentationTypeSize();

  const save = async (patch: SettingsPatch): Promise<void> => {
    const message = await update(patch);
    if (message !== null)
      notifications.show({ color: 'red', message: t('presentation.saveFailed', { message }) });
  };

  return (
    <Popover position="bottom-end" width={300} shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button
          variant={isPresenting ? 'filled' : 'default'}
          size="sm"
          radius="md"
          leftSection={<IconPresentation size={16} aria-hidden />}
          data-testid="presentation-control"
        >
          {t('presentation.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text fw={700} size="sm">
            {t('presentation.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('presentation.help')}
          </Text>
          <Switch
            label={t('presentation.mode')}
            checked={isPresenting}
            onChange={(event) => void save({ presentationMode: event.currentTarget.checked })}
          />
          <Switch
            label={t('presentation.maskNames')}
            description={t('presentation.maskNamesHelp')}
            checked={settings.maskBuyerNames === true}
            disabled={!isPresenting}
            onChange={(event) => void save({ maskBuyerNames: event.currentTarget.checked })}
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
