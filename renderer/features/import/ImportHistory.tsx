/** The workspace's imports, newest first, read live from the `imports` table. */
import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../../shared/commands/entities';
import { formatNumber } from '../../lib/format';
import { formatDateTime } from './import-format';

function count(row: ImportRow, key: string): string {
  return formatNumber(row.counts[key] ?? 0);
}

export function ImportHistory({ imports }: { readonly imports: readonly ImportRow[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="xl" shadow="xs">
      <Title order={2} size="h4" mb="md">
        {t('pages.import.flow.historyTitle')}
      </Title>
      <Table
        verticalSpacing="sm"
        highlightOnHover
        aria-label={t('pages.import.flow.historyTitle')}
        data-testid="import-history"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pages.import.flow.historyDate')}</Table.Th>
            <Table.Th>{t('pages.import.flow.historyFile')}</Table.Th>
            <Table.Th>{t('pages.import.flow.historyKind')}</Table.Th>
            <Table.Th ta="right">{t('pages.import.flow.historyCounts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{formatDateTime(row.importedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} ff="monospace">
                  {row.fileName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" radius="sm">
                  {t(`pages.import.flow.kind.${row.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {`${count(row, 'created')} / ${count(row, 'updated')} / ${count(row, 'unchanged')}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
