import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPhase, ImportProgress } from '../../data/import-hooks';
import { formatNumber } from '../../lib/format';

const PHASES: readonly ImportPhase[] = ['decode', 'parse', 'normalise', 'write'];

/** Overall completion: each phase is a quarter of the bar, filled by its own done / total. */
function percentOf(progress: ImportProgress | undefined): number {
  if (progress === undefined) return 0;
  const index = PHASES.indexOf(progress.phase);
  const within = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return Math.round(((index + within) / PHASES.length) * 100);
}

export function ImportProgressCard(props: {
  readonly fileName: string;
  readonly progress: ImportProgress | undefined;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { progress } = props;
  const percent = percentOf(progress);
  return (
    <Paper withBorder radius="lg" p="xl" shadow="xs" aria-live="polite">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('pages.import.flow.progressTitle', { file: props.fileName })}
        </Title>
        <Group justify="space-between">
          <Text fw={600}>{t(`pages.import.flow.phase.${progress?.phase ?? 'decode'}`)}</Text>
          {progress?.phase === 'parse' && (
            <Text size="sm" c="dimmed">
              {t('pages.import.flow.progressLines', {
                done: formatNumber(progress.done),
                total: formatNumber(progress.total),
              })}
            </Text>
          )}
        </Group>
        <Progress
          value={percent}
          size="lg"
          radius="xl"
          animated
          aria-label={t(`pages.import.flow.phase.${progress?.phase ?? 'decode'}`)}
        />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('pages.import.flow.cancelNote')}
          </Text>
          <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={props.onCancel}>
            {t('pages.import.flow.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
