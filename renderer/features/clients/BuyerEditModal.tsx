/**
 * « Modifier » the buyer's identity: runs `updateBuyer` with only the fields changed. SIREN, SIRET and NAF are
 * checked by the command; its sentence (French or English) is shown under the field concerned.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuyerRow } from '../../../shared/commands/entities';
import { useCommand } from '../../data/hooks';
import { buyerFormSchema, formValuesOf, patchOf } from './buyer-form';
import { BuyerIdentityInputs } from './BuyerIdentityInputs';
import type { BuyerFormValues } from './buyer-form';
import { identityFieldOf } from './identity-field';
import { useFormMessages, useLanguage } from './use-language';

export function BuyerEditModal({
  buyer,
  onClose,
}: {
  readonly buyer: BuyerRow;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const messages = useFormMessages();
  const { run } = useCommand();
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const validate = useMemo(() => schemaResolver(buyerFormSchema(messages), { sync: true }), [messages]);
  const form = useForm<BuyerFormValues>({ mode: 'controlled', initialValues: formValuesOf(buyer), validate });

  const submit = async (values: BuyerFormValues) => {
    setFormError(null);
    const patch = patchOf(buyer, values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setIsSaving(true);
    const result = await run('updateBuyer', { id: buyer.id, patch });
    setIsSaving(false);
    if (!result.ok) {
      const message = result.error.message[language];
      const field = result.error.code === 'invalid' ? identityFieldOf(patch, buyer.siren) : null;
      if (field === null) setFormError(message);
      else form.setFieldError(field, message);
      return;
    }
    notifications.show({ color: 'teal', message: t('buyer.edit.done') });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('buyer.edit.title', { name: buyer.name })} size="xl">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="sm">
          <BuyerIdentityInputs inputProps={(field) => form.getInputProps(field)} columns={3}>
            <NumberInput
              label={t('buyer.fields.grade')}
              description={t('buyer.fields.gradeHint')}
              min={1}
              max={10}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('grade')}
            />
          </BuyerIdentityInputs>
          <Divider label={t('buyer.fields.address')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('buyer.fields.street')} {...form.getInputProps('street')} />
            <TextInput label={t('buyer.fields.postalCode')} {...form.getInputProps('postalCode')} />
            <TextInput label={t('buyer.fields.city')} {...form.getInputProps('city')} />
          </SimpleGrid>
          <Divider label={t('buyer.identity.contacts')} labelPosition="left" />
          {form.values.contacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('buyer.identity.noContact')}
            </Text>
          ) : null}
          {form.values.contacts.map((_contact, index) => (
            <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label={t('buyer.fields.contactName')}
                withAsterisk
                style={{ flex: 1 }}
                {...form.getInputProps(`contacts.${index}.name`)}
              />
              <TextInput
                label={t('buyer.fields.contactRole')}
                style={{ flex: 1 }}
                {...form.getInputProps(`contacts.${index}.role`)}
              />
              <TextInput
                label={t('buyer.fields.contactEmail')}
                type="email"
                style={{ flex: 1 }}
                {...form.getInputProps(`contacts.${index}.email`)}
              />
              <TextInput
                label={t('buyer.fields.contactPhone')}
                type="tel"
                style={{ flex: 1 }}
                {...form.getInputProps(`contacts.${index}.phone`)}
              />
              <ActionIcon
                variant="subtle"
                color="red.9"
                size="lg"
                mb={2}
                aria-label={t('buyer.edit.removeContact', { index: index + 1 })}
                onClick={() => {
                  form.removeListItem('contacts', index);
                }}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => {
                form.insertListItem('contacts', { name: '', role: '', email: '', phone: '' });
              }}
            >
              {t('buyer.edit.addContact')}
            </Button>
          </div>
          {formError === null ? null : (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('buyer.cancel')}
            </Button>
            <Button type="submit" loading={isSaving}>
              {t('buyer.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
