/**
 * The empty state every screen shows before there is data: what will appear here, and what to do first.
 * Texts come from `pages.<id>.*` in the catalogs.
 */
import { Button, EmptyState, List, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PageId } from '../app/navigation';

export type EmptyAction = { readonly label: string; readonly to: string };

export function FeatureEmptyState({
  page,
  icon: PageIcon,
  action,
}: {
  page: PageId;
  icon: Icon;
  action?: EmptyAction;
}) {
  const { t } = useTranslation();
  const items = [t(`pages.${page}.item1`), t(`pages.${page}.item2`), t(`pages.${page}.item3`)];
  return (
    <Paper withBorder radius="lg" p={48} shadow="xs" maw={760} mx="auto" mt="lg">
      <EmptyState
        variant="light"
        size="lg"
        icon={<PageIcon size={34} stroke={1.6} aria-hidden />}
        title={
          <span role="heading" aria-level={2}>
            {t(`pages.${page}.emptyTitle`)}
          </span>
        }
        description={t(`pages.${page}.emptyBody`)}
      >
        <Paper
          bg="var(--mantine-color-default-hover)"
          radius="md"
          p="md"
          mt="md"
          w="100%"
          maw={520}
          ta="left"
        >
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb="xs">
            {t('common.whatYouWillSee')}
          </Text>
          <List
            spacing={6}
            size="sm"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light" color="teal">
                <IconCheck size={13} aria-hidden />
              </ThemeIcon>
            }
          >
            {items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Paper>
        {action !== undefined && (
          <EmptyState.Actions mt="lg">
            <Button component={Link} to={action.to} size="md">
              {action.label}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}
