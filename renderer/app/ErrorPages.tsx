import { Button, Code, EmptyState, Paper } from '@mantine/core';
import { IconBug, IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p={48} maw={640} mx="auto" mt="xl">
      <EmptyState
        variant="light"
        color="gray"
        icon={<IconMapOff size={32} aria-hidden />}
        title={t('app.notFound.title')}
        description={t('app.notFound.body')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('app.notFound.action')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}

export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Paper withBorder radius="lg" p={48} maw={720} mx="auto" mt={80}>
      <EmptyState
        variant="light"
        color="red"
        icon={<IconBug size={32} aria-hidden />}
        title={t('app.crash.title')}
        description={t('app.crash.body')}
      >
        <Code block mt="md">
          {message}
        </Code>
        <EmptyState.Actions>
          <Button
            onClick={() => {
              window.location.reload();
            }}
          >
            {t('app.crash.action')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
