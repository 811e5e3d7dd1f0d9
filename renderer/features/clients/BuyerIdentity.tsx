/**
 * « Identité »: SIREN, SIRET, TVA intracommunautaire (computed from the SIREN), NAF, country, payment terms,
 * grade, address and contacts, with « Modifier » opening the edit form.
 */
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BuyerRow } from '../../../shared/commands/entities';
import { frenchVatNumber, validateSiren } from '../../../shared/domain/identifiers';
import { BuyerEditModal } from './BuyerEditModal';

/** « 732 829 320 », « 732 829 320 00014 »: the groups a French reader copies and checks. */
function groupedIdentifier(digits: string | undefined): string | undefined {
  if (digits === undefined) return undefined;
  return digits.replace(
    /^(\d{3})(\d{3})(\d{3})(\d{5})?$/,
    (_, a: string, b: string, c: string, nic?: string) =>
      [a, b, c, nic].filter((part) => part !== undefined).join(' '),
  );
}

/** « France » for FR (in the interface's language); the code itself when the browser cannot name it. */
function countryName(code: string | undefined, language: string): string | undefined {
  if (code === undefined) return undefined;
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function vatOf(siren: string | undefined): string | undefined {
  if (siren === undefined || !validateSiren(siren).ok) return undefined;
  return frenchVatNumber(siren);
}

function Field(props: {
  readonly label: string;
  readonly value: string | undefined;
  readonly isCode?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {props.label}
      </Text>
      <Text
        component="dd"
        m={0}
        ff={props.isCode === true && props.value !== undefined ? 'monospace' : undefined}
      >
        {props.value ?? t('buyer.identity.unknown')}
      </Text>
    </div>
  );
}

export function BuyerIdentity({ buyer }: { readonly buyer: BuyerRow }) {
  const { t, i18n } = useTranslation();
  const [isEditing, editing] = useDisclosure(false);
  const address = buyer.address;
  const addressText =
    address === undefined
      ? undefined
      : [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')]
          .filter((part) => part !== undefined && part !== '')
          .join(', ');
  const contacts = buyer.contacts ?? [];
  return (
    <Paper withBorder radius="lg" p="lg" shadow="xs">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('buyer.identity.title')}
          </Title>
          <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={editing.open}>
            {t('buyer.identity.edit')}
          </Button>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" m={0}>
          <Field label={t('buyer.fields.name')} value={buyer.name} />
          <Field label={t('buyer.fields.siren')} value={groupedIdentifier(buyer.siren)} isCode />
          <Field label={t('buyer.fields.siret')} value={groupedIdentifier(buyer.siret)} isCode />
          <Field label={t('buyer.fields.vat')} value={vatOf(buyer.siren)} isCode />
          <Field label={t('buyer.fields.naf')} value={buyer.naf} isCode />
          <Field label={t('buyer.fields.country')} value={countryName(buyer.country, i18n.language)} />
          <Field
            label={t('buyer.fields.paymentTerms')}
            value={
              buyer.paymentTermsDays === undefined
                ? undefined
                : t('buyer.identity.termsDays', { count: buyer.paymentTermsDays })
            }
          />
          <Field
            label={t('buyer.fields.grade')}
            value={
              buyer.grade === undefined ? undefined : t('buyer.identity.gradeOf', { grade: buyer.grade })
            }
          />
          <Field label={t('buyer.fields.address')} value={addressText === '' ? undefined : addressText} />
        </SimpleGrid>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('buyer.identity.contacts')}
          </Title>
          {contacts.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('buyer.identity.noContact')}
            </Text>
          ) : (
            <Table aria-label={t('buyer.identity.contacts')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('buyer.fields.contactName')}</Table.Th>
                  <Table.Th>{t('buyer.fields.contactRole')}</Table.Th>
                  <Table.Th>{t('buyer.fields.contactEmail')}</Table.Th>
                  <Table.Th>{t('buyer.fields.contactPhone')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contacts.map((contact, index) => (
                  <Table.Tr key={`${contact.name}-${index}`}>
                    <Table.Td>{contact.name}</Table.Td>
                    <Table.Td>{contact.role ?? '—'}</Table.Td>
                    <Table.Td>{contact.email ?? '—'}</Table.Td>
                    <Table.Td>{contact.phone ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </Stack>
      {isEditing ? <BuyerEditModal buyer={buyer} onClose={editing.close} /> : null}
    </Paper>
  );
}
