/**
 * First run (the dashboard shows it while the workspace has no buyer): a welcome and two ways in — import
 * the company's FEC or a CSV (→ Import), or load the fictitious demo workspace into this empty workspace,
 * with its progress, then a notification; the dashboard fills itself from the live queries once it is written.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDatabaseImport,
  IconFileSpreadsheet,
  IconPlayerPlay,
  IconSparkles,
  IconWifiOff,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDemoWorkspace } from '../../data/demo';
import type { DemoProgress } from '../../data/demo';
import { formatNumber } from '../../lib/format';

/** Share of the bar each phase ends at: generating is quick, writing and computing the aggregates is not. */
const PHASE_END: Readonly<Record<DemoProgress['phase'], number>> = { generate: 15, write: 100 };

export function FirstRunChoice() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { loadHere } = useDemoWorkspace();
  const [progress, setProgress] = useState<DemoProgress | null>(null);

  const loadDemo = async () => {
    setProgress({ phase: 'generate', done: 0, total: 1 });
    const outcome = await loadHere(setProgress);
    if (outcome.ok) {
      notifications.show({
        color: 'teal',
        message: t('onboarding.demo.loaded', {
          buyers: formatNumber(outcome.buyers),
          invoices: formatNumber(outcome.invoices),
        }),
      });
    } else {
      setProgress(null);
      notifications.show({
        color: 'red',
        title: t('onboarding.demo.failed'),
        message: outcome.message[lang],
      });
    }
  };

  const isLoading = progress !== null;
  const barValue =
    progress === null
      ? 0
      : progress.phase === 'generate'
        ? PHASE_END.generate
        : progress.done === 1
          ? 100
          : 60;

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', md: 'xl' }}
      aria-labelledby="first-run-title"
      component="section"
    >
      <Stack gap="xl">
        <Stack gap="xs" maw={760}>
          <Title order={2} id="first-run-title">
            {t('onboarding.title')}
          </Title>
          <Text size="lg">{t('onboarding.intro')}</Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder radius="lg" padding="xl">
            <Stack gap="md" h="100%">
              <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
                <IconFileSpreadsheet size={28} />
              </ThemeIcon>
              <Title order={3} size="h4">
                {t('onboarding.import.title')}
              </Title>
              <Text style={{ flex: 1 }}>{t('onboarding.import.body')}</Text>
              <Group>
                <Button
                  component={Link}
                  to="/import"
                  size="md"
                  leftSection={<IconDatabaseImport size={18} aria-hidden />}
                  disabled={isLoading}
                >
                  {t('onboarding.import.action')}
                </Button>
              </Group>
            </Stack>
          </Card>
          <Card withBorder radius="lg" padding="xl">
            <Stack gap="md" h="100%">
              <ThemeIcon size={48} radius="md" variant="light" color="teal" aria-hidden>
                <IconSparkles size={28} />
              </ThemeIcon>
              <Title order={3} size="h4">
                {t('onboarding.demo.title')}
              </Title>
              <Text>{t('onboarding.demo.body')}</Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {t('onboarding.demo.fictitious')}
              </Text>
              {isLoading ? (
                <Stack gap={6}>
                  <Progress
                    value={barValue}
                    animated
                    striped
                    size="lg"
                    aria-label={t('onboarding.demo.progressLabel')}
                  />
                  <Text size="sm" aria-live="polite">
                    {t(progress.phase === 'generate' ? 'onboarding.demo.generate' : 'onboarding.demo.write')}
                  </Text>
                </Stack>
              ) : (
                <Group>
                  <Button
                    size="md"
                    leftSection={<IconPlayerPlay size={18} aria-hidden />}
                    onClick={() => void loadDemo()}
                  >
                    {t('onboarding.demo.action')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        </SimpleGrid>
        <Group gap="xs">
          <Badge variant="light" color="gray" leftSection={<IconWifiOff size={12} aria-hidden />}>
            {t('app.offlineReady')}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('onboarding.offline')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
