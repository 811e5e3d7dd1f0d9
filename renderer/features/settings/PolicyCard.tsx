/**
 * Paramètres → Police d'assurance-crédit: every parameter of domain.md §3, grouped (garantie, délais, prime,
 * alertes), typed in the units of the contract (%, €, jours), filled from an insurer-profile preset if wanted,
 * saved explicitly with the guarded `setPolicy` command. The policy is the single source of the alert
 * thresholds (« proche de la limite », « dépassement »).
 *
 * The form is keyed by the stored row's version: after a save — ours or a teammate's arriving by sync — it
 * starts again from the stored values, and a stale save is refused by the command as a conflict.
 */
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../shared/domain/policy';
import {
  POLICY_PRESETS,
  PRESET_DISCLAIMER,
  findPreset,
  policyFromPreset,
} from '../../../shared/domain/policy-presets';
import { useCommand } from '../../data/hooks';
import { usePolicy } from '../../data/policy-hooks';
import { POLICY_FIELDS, POLICY_GROUPS, toFormValues, validatePolicyForm } from './policy-form';
import type { FieldUnit, NumericKey, PolicyFieldError, PolicyFormValues } from './policy-form';

export function PolicyCard() {
  const { t } = useTranslation();
  const stored = usePolicy();
  return (
    <Card withBorder radius="lg" padding="xl" style={{ gridColumn: '1 / -1' }}>
      <Title order={2} size="h4" mb={4}>
        {t('policy.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        {t('policy.subtitle')}
      </Text>
      {stored === undefined ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : (
        <PolicyForm key={stored.version} policy={stored.policy} version={stored.version} />
      )}
    </Card>
  );
}

function suffixOf(unit: FieldUnit, t: (key: string) => string): string {
  switch (unit) {
    case 'percent':
      return ' %';
    case 'money':
      return ' €';
    case 'days':
      return ` ${t('policy.units.days')}`;
    case 'multiple':
      return ` × ${t('policy.units.premium')}`;
  }
}

function PolicyForm(props: { readonly policy: Policy; readonly version: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { run } = useCommand();
  const [presetId, setPresetId] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const form = useForm<PolicyFormValues>({ mode: 'controlled', initialValues: toFormValues(props.policy) });
  const preset = presetId === null ? undefined : findPreset(presetId);

  const messageOf = (key: NumericKey, error: PolicyFieldError): string => {
    const field = t(`policy.fields.${key}.label`);
    switch (error.code) {
      case 'required':
        return t('policy.errors.required', { field });
      case 'range':
        return error.max === undefined
          ? t('policy.errors.negative', { field })
          : t('policy.errors.range', { field, max: error.max });
      case 'whole-days':
        return t('policy.errors.wholeDays', { field });
      case 'near-above-over':
        return t('policy.errors.nearAboveOver', { field });
    }
  };

  const choosePreset = (id: string | null) => {
    setPresetId(id);
    const chosen = id === null ? undefined : findPreset(id);
    if (chosen === undefined) return;
    // Fills the form only: nothing is saved until « Enregistrer ».
    form.setValues(toFormValues({ ...policyFromPreset(chosen), currency: props.policy.currency }));
    form.clearErrors();
  };

  const save = async () => {
    const checked = validatePolicyForm(form.getValues(), props.policy.currency);
    if (!checked.ok) {
      const errors: Record<string, string> = {};
      for (const field of POLICY_FIELDS) {
        const error = checked.errors[field.key];
        if (error !== undefined) errors[`numbers.${field.key}`] = messageOf(field.key, error);
      }
      form.setErrors(errors);
      return;
    }
    setIsSaving(true);
    const result = await run('setPolicy', { policy: checked.policy, baseVersion: props.version });
    setIsSaving(false);
    if (result.ok) {
      notifications.show({ message: t('policy.saved'), color: 'teal', autoClose: 4000 });
    } else {
      notifications.show({
        title: t('policy.saveFailed'),
        message: result.error.message[lang],
        color: 'red',
      });
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack gap="lg">
        <Stack gap="xs" maw={640}>
          <Select
            label={t('policy.preset.label')}
            description={t('policy.preset.help')}
            placeholder={t('policy.preset.placeholder')}
            data={POLICY_PRESETS.map((item) => ({ value: item.id, label: item.label[lang] }))}
            value={presetId}
            onChange={choosePreset}
            clearable
            allowDeselect
          />
          {preset !== undefined && (
            <Text size="sm" data-testid="preset-description">
              {preset.description[lang]}
            </Text>
          )}
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />} p="xs">
            <Text size="xs">{PRESET_DISCLAIMER[lang]}</Text>
          </Alert>
        </Stack>

        {POLICY_GROUPS.map((group) => (
          <Fieldset key={group} legend={t(`policy.groups.${group}`)} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
              {POLICY_FIELDS.filter((field) => field.group === group).map((field) => (
                <NumberInput
                  key={field.key}
                  label={t(`policy.fields.${field.key}.label`)}
                  description={t(`policy.fields.${field.key}.help`)}
                  suffix={suffixOf(field.unit, t)}
                  decimalSeparator=","
                  thousandSeparator=" "
                  decimalScale={field.unit === 'days' ? 0 : 2}
                  // A premium rate reads « 0,30 % », as in the contract.
                  fixedDecimalScale={field.key === 'premiumRateBp'}
                  // Inputs on one line whatever the length of the help text under them.
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  allowNegative={false}
                  hideControls
                  {...form.getInputProps(`numbers.${field.key}`)}
                />
              ))}
              {group === 'cover' && (
                <Stack gap={6}>
                  <Text fw={500} size="sm" id="cover-basis-label">
                    {t('policy.fields.coverBasis.label')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="cover-basis-label"
                    data={[
                      { value: 'HT', label: t('policy.fields.coverBasis.ht') },
                      { value: 'TTC', label: t('policy.fields.coverBasis.ttc') },
                    ]}
                    value={form.getValues().coverBasis}
                    onChange={(value) => {
                      form.setFieldValue('coverBasis', value === 'TTC' ? 'TTC' : 'HT');
                    }}
                  />
                  <Text size="xs" c="dimmed">
                    {t('policy.fields.coverBasis.help')}
                  </Text>
                </Stack>
              )}
            </SimpleGrid>
            {group === 'cover' && (
              <Stack gap="xs" mt="lg">
                <Switch
                  label={t('policy.fields.includeDeliveredNotInvoiced')}
                  {...form.getInputProps('includeDeliveredNotInvoiced', { type: 'checkbox' })}
                />
                <Switch
                  label={t('policy.fields.includeOpenOrders')}
                  {...form.getInputProps('includeOpenOrders', { type: 'checkbox' })}
                />
              </Stack>
            )}
          </Fieldset>
        ))}

        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!form.isDirty() || isSaving}
            onClick={() => {
              form.reset();
              setPresetId(null);
            }}
          >
            {t('policy.cancel')}
          </Button>
          <Button type="submit" loading={isSaving}>
            {t('policy.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
