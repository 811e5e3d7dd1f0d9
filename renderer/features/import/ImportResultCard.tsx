/** The outcome of an import: counts per kind of row, or every rejected line (line, column, reason). */
import { Alert, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COUNTED_ENTITIES } from '../../data/import-hooks';
import type { ImportOutcome } from '../../data/import-hooks';
import { formatNumber } from '../../lib/format';
import { formatDateTime, langOf } from './import-format';

export function ImportResultCard(props: {
  readonly fileName: string;
  readonly outcome: ImportOutcome;
  readonly onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { outcome } = props;
  const dismiss = (
    <Group justify="flex-end">
      <Button variant="light" onClick={props.onDismiss}>
        {t('pages.import.flow.another')}
      </Button>
    </Group>
  );

  if (outcome.status === 'imported') {
    return (
      <Paper withBorder radius="lg" p="xl" shadow="xs">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconCircleCheck size={28} color="var(--mantine-color-teal-6)" aria-hidden />
            <div>
              <Title order={2} size="h4">
                {t('pages.import.flow.doneTitle', { file: props.fileName })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('pages.import.flow.doneBody')}
              </Text>
            </div>
          </Group>
          {outcome.droppedOpeningEntries > 0 && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              {t('pages.import.flow.droppedOpening', { count: outcome.droppedOpeningEntries })}
            </Alert>
          )}
          <Table
            striped
            withTableBorder
            verticalSpacing="sm"
            aria-label={t('pages.import.flow.countsEntity')}
            data-testid="import-counts"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pages.import.flow.countsEntity')}</Table.Th>
                <Table.Th ta="right">{t('pages.import.flow.created')}</Table.Th>
                <Table.Th ta="right">{t('pages.import.flow.updated')}</Table.Th>
                <Table.Th ta="right">{t('pages.import.flow.unchanged')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {COUNTED_ENTITIES.filter((entity) => {
                const counts = outcome.counts[entity];
                return entity !== 'limitDecisions' || counts.created + counts.updated + counts.unchanged > 0;
              }).map((entity) => {
                const counts = outcome.counts[entity];
                return (
                  <Table.Tr key={entity}>
                    <Table.Th scope="row" fw={500}>
                      {t(`pages.import.flow.entity.${entity}`)}
                    </Table.Th>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(counts.created)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(counts.updated)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(counts.unchanged)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {dismiss}
        </Stack>
      </Paper>
    );
  }

  if (outcome.status === 'rejected') {
    return (
      <Paper withBorder radius="lg" p="xl" shadow="xs">
        <Stack gap="md">
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t('pages.import.flow.rejectedTitle', { count: outcome.errors.length })}
          >
            {t('pages.import.flow.rejectedBody')}
          </Alert>
          <ScrollArea.Autosize mah={420}>
            <Table
              striped
              withTableBorder
              aria-label={t('pages.import.flow.rejectedBody')}
              data-testid="import-errors"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('pages.import.flow.errorLine')}</Table.Th>
                  <Table.Th w={160}>{t('pages.import.flow.errorField')}</Table.Th>
                  <Table.Th>{t('pages.import.flow.errorReason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outcome.errors.map((error, index) => (
                  <Table.Tr key={`${error.line ?? 0}-${error.field ?? ''}-${index}`}>
                    <Table.Td ff="monospace">{error.line ?? t('pages.import.flow.wholeFile')}</Table.Td>
                    <Table.Td>{error.field ?? '—'}</Table.Td>
                    <Table.Td>{error.message[lang]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {dismiss}
        </Stack>
      </Paper>
    );
  }

  const alert =
    outcome.status === 'already-imported' ? (
      <Alert
        color="blue"
        variant="light"
        icon={<IconInfoCircle size={18} aria-hidden />}
        title={t('pages.import.flow.alreadyTitle')}
      >
        {t('pages.import.flow.alreadyBody', { date: formatDateTime(outcome.importedAt) })}
      </Alert>
    ) : outcome.status === 'cancelled' ? (
      <Alert
        color="gray"
        variant="light"
        icon={<IconX size={18} aria-hidden />}
        title={t('pages.import.flow.cancelledTitle')}
      >
        {t('pages.import.flow.cancelledBody')}
      </Alert>
    ) : (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={t('pages.import.flow.failedTitle')}
      >
        {outcome.message[lang]}
      </Alert>
    );
  return (
    <Paper withBorder radius="lg" p="xl" shadow="xs">
      <Stack gap="md">
        {alert}
        {dismiss}
      </Stack>
    </Paper>
  );
}
