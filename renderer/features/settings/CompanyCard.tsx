/**
 * Paramètres → « Votre entreprise »: the insured company's identity — the sender of the letters (relance,
 * mise en demeure) and the insured of the DMS / DIC summary (numéro de police, assureur). Saved explicitly
 * with the guarded `setCompany`; the SIREN is checked here (same domain check as the command) so the error
 * shows under the field. Before the first save, the SIREN is prefilled from the latest FEC import.
 *
 * The form is keyed by the stored row's version: after a save — ours or a teammate's by sync — it starts
 * again from the stored values.
 */
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyFields, CompanyRow } from '../../../shared/commands/entities';
import { validateSiren } from '../../../shared/domain/identifiers';
import { useCompany } from '../../data/company-hooks';
import { useCommand } from '../../data/hooks';

type CompanyFormValues = {
  name: string;
  siren: string;
  street: string;
  postalCode: string;
  city: string;
  contactName: string;
  contactRole: string;
  contactEmail: string;
  contactPhone: string;
  policyNumber: string;
  insurerName: string;
};

function toFormValues(company: CompanyRow | undefined, importedSiren: string | undefined): CompanyFormValues {
  return {
    name: company?.name ?? '',
    siren: company?.siren ?? importedSiren ?? '',
    street: company?.address?.street ?? '',
    postalCode: company?.address?.postalCode ?? '',
    city: company?.address?.city ?? '',
    contactName: company?.contact?.name ?? '',
    contactRole: company?.contact?.role ?? '',
    contactEmail: company?.contact?.email ?? '',
    contactPhone: company?.contact?.phone ?? '',
    policyNumber: company?.policyNumber ?? '',
    insurerName: company?.insurerName ?? '',
  };
}

/** Blank fields left out: the command clears what is absent. */
function toFields(values: CompanyFormValues): CompanyFields {
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const address = {
    ...(text(values.street) === undefined ? {} : { street: text(values.street) }),
    ...(text(values.postalCode) === undefined ? {} : { postalCode: text(values.postalCode) }),
    ...(text(values.city) === undefined ? {} : { city: text(values.city) }),
  };
  const contactName = text(values.contactName);
  const optional = {
    siren: text(values.siren),
    address: Object.keys(address).length === 0 ? undefined : address,
    contact:
      contactName === undefined
        ? undefined
        : {
            name: contactName,
            ...(text(values.contactRole) === undefined ? {} : { role: text(values.contactRole) }),
            ...(text(values.contactEmail) === undefined ? {} : { email: text(values.contactEmail) }),
            ...(text(values.contactPhone) === undefined ? {} : { phone: text(values.contactPhone) }),
          },
    policyNumber: text(values.policyNumber),
    insurerName: text(values.insurerName),
  };
  return {
    name: values.name.trim(),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

export function CompanyCard() {
  const { t } = useTranslation();
  const stored = useCompany();
  return (
    <Card
      withBorder
      radius="lg"
      padding="xl"
      style={{ gridColumn: '1 / -1' }}
      component="section"
      aria-labelledby="company-title"
    >
      <Title order={2} size="h4" mb={4} id="company-title">
        {t('company.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        {t('company.subtitle')}
      </Text>
      {stored === undefined ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : (
        <CompanyForm
          key={stored.version}
          company={stored.company}
          version={stored.version}
          importedSiren={stored.importedSiren}
        />
      )}
    </Card>
  );
}

function CompanyForm(props: {
  readonly company: CompanyRow | undefined;
  readonly version: number;
  readonly importedSiren: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { run } = useCommand();
  const [isSaving, setIsSaving] = useState(false);
  const isPrefilled = props.company === undefined && props.importedSiren !== undefined;
  const form = useForm<CompanyFormValues>({
    mode: 'controlled',
    initialValues: toFormValues(props.company, props.importedSiren),
    validate: {
      name: (value) => (value.trim() === '' ? t('company.errors.nameRequired') : null),
      siren: (value) => {
        if (value.trim() === '') return null;
        const checked = validateSiren(value);
        return checked.ok ? null : checked.message[lang];
      },
      contactEmail: (value) =>
        value.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
          ? null
          : t('company.errors.email'),
    },
  });

  const save = async (values: CompanyFormValues) => {
    setIsSaving(true);
    const result = await run('setCompany', { company: toFields(values), baseVersion: props.version });
    setIsSaving(false);
    if (result.ok) notifications.show({ message: t('company.saved'), color: 'teal', autoClose: 4000 });
    else
      notifications.show({
        title: t('company.saveFailed'),
        message: result.error.message[lang],
        color: 'red',
      });
  };

  const field = (
    key: keyof CompanyFormValues,
    extra: { readonly autoComplete?: string; readonly required?: boolean } = {},
  ) => (
    <TextInput
      label={t(`company.fields.${key}`)}
      autoComplete={extra.autoComplete ?? 'off'}
      withAsterisk={extra.required}
      {...form.getInputProps(key)}
    />
  );

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack gap="lg">
        {isPrefilled ? (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} p="xs">
            <Text size="sm">{t('company.prefilled')}</Text>
          </Alert>
        ) : null}
        <Fieldset legend={t('company.groups.identity')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
            {field('name', { autoComplete: 'organization', required: true })}
            <TextInput
              label={t('company.fields.siren')}
              description={t('company.sirenHelp')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('siren')}
            />
            {field('street', { autoComplete: 'street-address' })}
            {field('postalCode', { autoComplete: 'postal-code' })}
            {field('city', { autoComplete: 'address-level2' })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('company.groups.contact')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" verticalSpacing="md">
            {field('contactName', { autoComplete: 'name' })}
            {field('contactRole', { autoComplete: 'organization-title' })}
            {field('contactEmail', { autoComplete: 'email' })}
            {field('contactPhone', { autoComplete: 'tel' })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('company.groups.insurance')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
            {field('policyNumber')}
            {field('insurerName')}
          </SimpleGrid>
        </Fieldset>
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!form.isDirty() || isSaving}
            onClick={() => {
              form.reset();
            }}
          >
            {t('company.cancel')}
          </Button>
          <Button type="submit" loading={isSaving}>
            {t('company.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
