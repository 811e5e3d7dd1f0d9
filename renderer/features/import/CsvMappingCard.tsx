/**
 * The CSV step: what the file holds (buyers, invoices, limits), then one Select per target field, pre-filled
 * by the mapping confirmed earlier for the same header row, else by `guessMapping`. Import stays disabled
 * while a required field has no column.
 */
import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, fieldsOf, guessMapping, validateMapping } from '../../../shared/import/csv-mapping';
import type { CsvMapping, CsvTarget } from '../../../shared/import/csv-mapping';
import { useCsvMappingStore } from '../../data/import-hooks';
import { langOf } from './import-format';

const KIND_OF_TARGET = { buyers: 'csv-buyers', invoices: 'csv-invoices', limits: 'csv-limits' } as const;

export function CsvMappingCard(props: {
  readonly fileName: string;
  readonly headers: readonly string[];
  readonly onConfirm: (kind: (typeof KIND_OF_TARGET)[CsvTarget], mapping: Record<string, number>) => void;
  readonly onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const store = useCsvMappingStore();
  const { headers } = props;
  const [target, setTarget] = useState<CsvTarget>('invoices');
  const [mapping, setMapping] = useState<CsvMapping<CsvTarget>>(() => guessMapping(headers, 'invoices'));
  const [isRemembered, setIsRemembered] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void store.load(target, headers).then((saved) => {
      if (!isCurrent) return;
      setIsRemembered(saved !== undefined);
      setMapping(saved ?? guessMapping(headers, target));
    });
    return () => {
      isCurrent = false;
    };
  }, [store, target, headers]);

  const missing = validateMapping(mapping, target, headers.length);
  const options = [
    { value: '', label: t('pages.import.flow.mappingNone') },
    ...headers.map((header, index) => ({
      value: String(index),
      label: header === '' ? `#${index + 1}` : header,
    })),
  ];

  const confirm = (): void => {
    const columns: Record<string, number> = {};
    for (const [field, column] of Object.entries(mapping)) columns[field] = column;
    void store.save(target, headers, mapping).then(() => {
      props.onConfirm(KIND_OF_TARGET[target], columns);
    });
  };

  return (
    <Paper withBorder radius="lg" p="xl" shadow="xs">
      <Stack gap="lg">
        <div>
          <Title order={2} size="h4">
            {t('pages.import.flow.csvTitle')}
          </Title>
          <Text size="sm" c="dimmed" ff="monospace">
            {props.fileName}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t('pages.import.flow.csvKind')}
          value={target}
          onChange={setTarget}
          data={[
            { value: 'buyers', label: t('pages.import.flow.kindBuyers') },
            { value: 'invoices', label: t('pages.import.flow.kindInvoices') },
            { value: 'limits', label: t('pages.import.flow.kindLimits') },
          ]}
        />
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('pages.import.flow.mappingTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pages.import.flow.mappingHelp')}
          </Text>
        </div>
        {isRemembered && (
          <Alert variant="light" color="teal" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('pages.import.flow.mappingRemembered')}
          </Alert>
        )}
        <Table verticalSpacing="xs" aria-label={t('pages.import.flow.mappingTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pages.import.flow.mappingField')}</Table.Th>
              <Table.Th>{t('pages.import.flow.mappingColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fieldsOf(target).map((field) => {
              const label = fieldLabel(target, field)[lang];
              const isRequired = missing.some((group) => group.anyOf.some((name) => name === field));
              const column = mapping[field];
              return (
                <Table.Tr key={field}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {label}
                      {isRequired && (
                        <Text span c="red" size="xs" ml={6}>
                          {t('pages.import.flow.mappingRequired')}
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td w="50%">
                    <Select
                      aria-label={label}
                      data={options}
                      value={column === undefined ? '' : String(column)}
                      allowDeselect={false}
                      onChange={(value) => {
                        setMapping((current) => {
                          const next: CsvMapping<CsvTarget> = Object.fromEntries(
                            Object.entries(current).filter(([name]) => name !== field),
                          );
                          if (value !== null && value !== '') next[field] = Number(value);
                          return next;
                        });
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {missing.length > 0 && (
          <Text size="sm" c="red">
            {t('pages.import.flow.mappingMissing', {
              fields: missing.map((group) => group.label[lang]).join(', '),
            })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('pages.import.flow.cancelChoice')}
          </Button>
          <Button onClick={confirm} disabled={missing.length > 0}>
            {t('pages.import.flow.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
