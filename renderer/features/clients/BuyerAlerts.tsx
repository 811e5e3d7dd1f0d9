/** « Alertes »: the domain's alerts for this buyer today, most severe first, in the interface language. */
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { renderAlert } from '../../../shared/domain/alert-messages';
import { alertKey } from '../../../shared/domain/alerts';
import type { Alert, AlertSeverity } from '../../../shared/domain/alerts';
import { formatDate } from '../../lib/format';
import { useLanguage } from './use-language';

const SEVERITY_COLOR: Readonly<Record<AlertSeverity, string>> = {
  critical: 'red.9',
  warning: 'yellow.4',
  info: 'navy.7',
};

export function BuyerAlerts({ alerts }: { readonly alerts: readonly Alert[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder radius="lg" p="lg" shadow="xs">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('buyer.alerts.title')}
        </Title>
        {alerts.length === 0 ? (
          <Text c="dimmed">{t('buyer.alerts.none')}</Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {alerts.map((alert) => {
              const message = renderAlert(alert, language);
              return (
                <Paper key={alertKey(alert)} component="li" withBorder radius="md" p="md">
                  <Group gap="sm" mb={4} wrap="nowrap" align="center">
                    <Badge color={SEVERITY_COLOR[alert.severity]} autoContrast radius="sm" tt="none">
                      {t(`buyer.alerts.severity.${alert.severity}`)}
                    </Badge>
                    <Text fw={600}>{message.title}</Text>
                    {alert.deadline === undefined ? null : (
                      <Text size="sm" c="dimmed" ml="auto">
                        {t('buyer.alerts.deadline', { date: formatDate(alert.deadline) })}
                      </Text>
                    )}
                  </Group>
                  <Text size="sm">{message.action}</Text>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
