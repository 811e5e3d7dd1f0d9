/**
 * Conflits: the operations of this computer that the server refused, or that met a change made meanwhile on
 * another computer (architecture §5: nothing is silently overwritten). Each shows when it was entered, the
 * command in words, what the user wanted beside what the server kept, and the reason; the user keeps the
 * server's value or re-applies theirs. Resolved conflicts stay visible under "Résolus": nothing is deleted.
 */
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconGitCompare, IconRefresh } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/domain/types';
import { PageHeader } from '../../components/PageHeader';
import { useConflictActions, useConflicts } from '../../data/conflicts';
import type { ConflictView } from '../../data/conflicts';
import { serverBlocks, wantedBlock } from './describe-conflict';
import type { ValueBlock } from './describe-conflict';

const timestampFormat = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timestampFormat.format(date);
}

/** Fields whose values are codes with words in the catalogs (a decision's layer and kind). */
const WORDED_FIELDS = new Set(['layer', 'kind']);

function localized(text: LocalizedText, language: string): string {
  return language.startsWith('en') ? text.en : text.fr;
}

function commandLabel(t: TFunction, command: string): string {
  return t(`pages.conflicts.commands.${command}`, {
    defaultValue: t('pages.conflicts.commands.unknown', { name: command }),
  });
}

function fieldLabel(t: TFunction, key: string): string {
  return t(`pages.conflicts.fields.${key}`, { defaultValue: key });
}

function ValueTable(props: { readonly blocks: readonly ValueBlock[]; readonly empty: string }) {
  const { t } = useTranslation();
  const blocks = props.blocks.filter((block) => block.lines.length > 0 || block.entity !== undefined);
  if (blocks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {blocks.map((block, index) => (
        <Stack key={index} gap={2}>
          {block.entity !== undefined && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t(`pages.conflicts.entities.${block.entity}`, { defaultValue: block.entity })}
            </Text>
          )}
          <Table variant="vertical" withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {block.lines.map((line) => (
                <Table.Tr key={line.key}>
                  <Table.Th w="45%" fw={500}>
                    {fieldLabel(t, line.key)}
                  </Table.Th>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {WORDED_FIELDS.has(line.key)
                      ? t(`pages.conflicts.values.${line.value}`, { defaultValue: line.value })
                      : line.value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}

function ConflictCard(props: { readonly conflict: ConflictView }) {
  const { t, i18n } = useTranslation();
  const { conflict } = props;
  const actions = useConflictActions();
  const [busy, setBusy] = useState<'keep' | 'reapply' | null>(null);
  const words = { yes: t('pages.conflicts.yes'), no: t('pages.conflicts.no') };
  const title = commandLabel(t, conflict.command);
  const isResolved = conflict.resolvedAt !== undefined;

  const choose = async (kind: 'keep' | 'reapply') => {
    setBusy(kind);
    const result =
      kind === 'keep' ? await actions.keepServerValue(conflict.opId) : await actions.reapply(conflict.opId);
    setBusy(null);
    if (result.ok) {
      notifications.show({
        message: t(kind === 'keep' ? 'pages.conflicts.kept' : 'pages.conflicts.reapplied'),
        color: 'teal',
        autoClose: 3000,
      });
    } else {
      notifications.show({
        message: t('pages.conflicts.actionFailed', { message: localized(result.message, i18n.language) }),
        color: 'red',
      });
    }
  };

  return (
    <Card withBorder radius="lg" padding="lg" component="article" aria-label={title}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {[
              conflict.createdAt === undefined
                ? null
                : t('pages.conflicts.createdAt', { date: formatTimestamp(conflict.createdAt) }),
              conflict.recordedAt === undefined
                ? null
                : t('pages.conflicts.recordedAt', { date: formatTimestamp(conflict.recordedAt) }),
              conflict.buyerName === undefined
                ? null
                : t('pages.conflicts.buyer', { name: conflict.buyerName }),
            ]
              .filter((part) => part !== null)
              .join(' · ')}
          </Text>
        </Stack>
        <Badge variant="light" color={conflict.status === 'conflict' ? 'orange' : 'red'} radius="sm">
          {conflict.status === 'conflict'
            ? t('pages.conflicts.statusConflict')
            : t('pages.conflicts.statusRejected')}
        </Badge>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)">
          <Text size="sm" fw={600} mb={6}>
            {t('pages.conflicts.yourValue')}
          </Text>
          <ValueTable blocks={[wantedBlock(conflict.args, words)]} empty="—" />
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Text size="sm" fw={600} mb={6}>
            {t('pages.conflicts.serverValue')}
          </Text>
          <ValueTable
            blocks={serverBlocks(conflict.serverChanges ?? [], words)}
            empty={t('pages.conflicts.noServerValue')}
          />
        </Paper>
      </SimpleGrid>

      <Text size="sm" mt="sm">
        <Text span fw={600}>
          {t('pages.conflicts.reason')} :{' '}
        </Text>
        {localized(conflict.reason, i18n.language)}
      </Text>

      {isResolved ? (
        <Group gap={6} mt="md">
          <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text size="sm" c="teal.8">
            {t(
              conflict.resolution === 'reapplied'
                ? 'pages.conflicts.resolvedReapplied'
                : 'pages.conflicts.resolvedKept',
              { date: formatTimestamp(conflict.resolvedAt ?? '') },
            )}
          </Text>
        </Group>
      ) : (
        <Group gap="sm" mt="md">
          <Button
            variant="default"
            loading={busy === 'keep'}
            disabled={busy !== null}
            onClick={() => void choose('keep')}
          >
            {t('pages.conflicts.keepServer')}
          </Button>
          <Button
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={busy === 'reapply'}
            disabled={busy !== null}
            onClick={() => void choose('reapply')}
          >
            {t('pages.conflicts.reapply')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useConflicts();
  const header = <PageHeader title={t('pages.conflicts.title')} subtitle={t('pages.conflicts.subtitle')} />;
  if (conflicts === undefined) {
    return (
      <>
        {header}
        <Text c="dimmed">{t('app.loading')}</Text>
      </>
    );
  }
  if (conflicts.length === 0) {
    return (
      <>
        {header}
        <Paper withBorder radius="lg" p={48} shadow="xs" maw={760} mx="auto" mt="lg">
          <EmptyState
            variant="light"
            size="lg"
            icon={<IconGitCompare size={34} stroke={1.6} aria-hidden />}
            title={
              <span role="heading" aria-level={2}>
                {t('pages.conflicts.emptyTitle')}
              </span>
            }
            description={t('pages.conflicts.emptyBody')}
          />
        </Paper>
      </>
    );
  }
  const open = conflicts.filter((conflict) => conflict.resolvedAt === undefined);
  const resolved = conflicts.filter((conflict) => conflict.resolvedAt !== undefined);
  return (
    <>
      {header}
      <Stack gap="xl">
        <section aria-labelledby="conflicts-open">
          <Title order={2} size="h4" mb="md" id="conflicts-open">
            {t('pages.conflicts.open', { count: open.length })}
          </Title>
          {open.length === 0 ? (
            <Text c="dimmed">{t('pages.conflicts.noneOpen')}</Text>
          ) : (
            <Stack gap="md">
              {open.map((conflict) => (
                <ConflictCard key={conflict.opId} conflict={conflict} />
              ))}
            </Stack>
          )}
        </section>
        {resolved.length > 0 && (
          <section aria-labelledby="conflicts-resolved">
            <Title order={2} size="h4" mb="md" id="conflicts-resolved">
              {t('pages.conflicts.resolved', { count: resolved.length })}
            </Title>
            <Stack gap="md">
              {resolved.map((conflict) => (
                <ConflictCard key={conflict.opId} conflict={conflict} />
              ))}
            </Stack>
          </section>
        )}
      </Stack>
    </>
  );
}
