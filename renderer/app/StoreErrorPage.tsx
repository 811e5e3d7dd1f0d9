/**
 * Full-page message when the local data cannot be opened (e.g. a database written by a newer Encours). The
 * app shows nothing else and writes nothing: the router is not mounted.
 */
import { Center, EmptyState, Paper, Text } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/domain/types';

export function StoreErrorPage({ message }: { readonly message: LocalizedText }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder radius="lg" p={48} maw={680} shadow="sm">
        <EmptyState
          variant="light"
          color="red"
          icon={<IconDatabaseOff size={32} aria-hidden />}
          title={
            <span role="heading" aria-level={1}>
              {t('app.storeError.title')}
            </span>
          }
          description={message[lang]}
        >
          <Text size="sm" c="dimmed" mt="md">
            {t('app.storeError.hint')}
          </Text>
        </EmptyState>
      </Paper>
    </Center>
  );
}
