/**
 * « Nouveau client »: a modal form running `createBuyer`. The form checks what it can (name, ranges); SIREN,
 * SIRET and NAF are checked by the command, whose sentence is shown under the field concerned.
 */
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCommand } from '../../data/hooks';
import { buyerFormSchema, createArgsOf, emptyBuyerForm } from './buyer-form';
import { BuyerIdentityInputs } from './BuyerIdentityInputs';
import type { BuyerFormValues } from './buyer-form';
import { identityFieldOf } from './identity-field';
import { buyerPath } from './paths';
import { useFormMessages, useLanguage } from './use-language';

export function NewBuyerModal({
  opened,
  onClose,
}: {
  readonly opened: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const messages = useFormMessages();
  const { run } = useCommand();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const validate = useMemo(() => schemaResolver(buyerFormSchema(messages), { sync: true }), [messages]);
  const form = useForm<BuyerFormValues>({ mode: 'controlled', initialValues: emptyBuyerForm(), validate });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = async (values: BuyerFormValues) => {
    setFormError(null);
    setIsSaving(true);
    const args = createArgsOf(crypto.randomUUID(), values);
    const result = await run('createBuyer', args);
    setIsSaving(false);
    if (!result.ok) {
      const message = result.error.message[language];
      const field = result.error.code === 'invalid' ? identityFieldOf(args) : null;
      if (field === null) setFormError(message);
      else form.setFieldError(field, message);
      return;
    }
    notifications.show({ color: 'teal', message: t('clients.create.done', { name: args.name }) });
    close();
    void navigate(buyerPath(args.id));
  };

  return (
    <Modal opened={opened} onClose={close} title={t('clients.create.title')} size="lg">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="sm">
          <BuyerIdentityInputs inputProps={(field) => form.getInputProps(field)} columns={2} />
          {formError === null ? null : (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('buyer.cancel')}
            </Button>
            <Button type="submit" loading={isSaving}>
              {t('clients.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
