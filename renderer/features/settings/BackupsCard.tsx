/**
 * Paramètres → Sauvegardes: export the current workspace to a file, restore a file (or, in the desktop app,
 * an automatic backup) into a NEW workspace.
 *
 * The restore is always two steps: the file is checked first (a damaged or truncated file is refused with
 * its coded message and no question asked), then a confirmation says that a new workspace will be created
 * and the current one stays untouched. Long work shows a loader; nothing here can change the current
 * workspace.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  LoadingOverlay,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  useAutoBackupList,
  useBackupActions,
  type BackupFailure,
  type BackupOutcome,
  type CheckedBackup,
  type RestoredWorkspace,
} from '../../data/backups';
import { formatNumber } from '../../lib/format';

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A backup's ISO timestamp in the user's local time, French format (25/11/2026 10:30). */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

function failureText(t: TFunction, language: string, failure: BackupFailure): string {
  if (failure.kind === 'backup') return language.startsWith('en') ? failure.message.en : failure.message.fr;
  return t('backup.bridgeError', { code: failure.code, detail: failure.detail });
}

type Busy = 'export' | 'read' | 'restore' | null;

export function BackupsCard(props: { readonly onOpenWorkspace?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const actions = useBackupActions();
  const { list, refresh } = useAutoBackupList();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const [pending, setPending] = useState<CheckedBackup | null>(null);
  const [restored, setRestored] = useState<RestoredWorkspace | null>(null);

  const nameFor = (source: { readonly workspaceName: string; readonly backupCreatedAt: string }): string =>
    t('backup.restoredName', {
      name: source.workspaceName === '' ? t('backup.unnamedWorkspace') : source.workspaceName,
      date: formatTimestamp(source.backupCreatedAt),
    });

  const showFailure = (title: string, failure: BackupFailure): void => {
    setError({ title, text: failureText(t, i18n.language, failure) });
  };

  const run = async <T,>(kind: Exclude<Busy, null>, work: () => Promise<BackupOutcome<T>>) => {
    setBusy(kind);
    setError(null);
    try {
      return await work();
    } catch (thrown) {
      const detail = thrown instanceof Error ? thrown.message : String(thrown);
      const failure: BackupFailure = { kind: 'bridge', code: 'internal', detail };
      return { ok: false, failure } satisfies BackupOutcome<T>;
    } finally {
      setBusy(null);
    }
  };

  const onExport = async () => {
    const result = await run('export', actions.exportBackup);
    if (!result.ok) showFailure(t('backup.exportFailed'), result.failure);
    else if (result.value !== null) {
      notifications.show({
        title: t('backup.title'),
        message: t('backup.exported', { savedAs: result.value.savedAs }),
        color: 'teal',
      });
    }
  };

  const onChosen = (result: BackupOutcome<CheckedBackup | null>) => {
    if (!result.ok) showFailure(t('backup.restoreFailed'), result.failure);
    else if (result.value !== null) setPending(result.value);
  };

  const onChooseFile = async () => {
    onChosen(await run('read', () => actions.chooseBackupFile(t('backup.chooseTitle'))));
  };

  const onChooseAuto = async (file: string) => {
    onChosen(await run('read', () => actions.readAutoBackup(file)));
  };

  const onConfirm = async () => {
    const backup = pending;
    if (backup === null) return;
    setPending(null);
    const result = await run('restore', () => actions.restoreBackup(backup, nameFor));
    if (!result.ok) showFailure(t('backup.restoreFailed'), result.failure);
    else setRestored(result.value);
  };

  return (
    <Card withBorder radius="lg" padding="xl" pos="relative" data-testid="backups-card">
      <LoadingOverlay
        visible={busy === 'restore'}
        loaderProps={{ children: <Text fw={500}>{t('backup.restoring')}</Text> }}
      />
      <Title order={2} size="h4" mb="xs">
        {t('backup.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        {t('backup.intro')}
      </Text>

      <Stack gap="lg">
        {error !== null && (
          <Alert
            color="red"
            variant="light"
            title={error.title}
            icon={<IconAlertTriangle size={18} aria-hidden />}
            withCloseButton
            closeButtonLabel={t('backup.confirm.cancel')}
            onClose={() => {
              setError(null);
            }}
            role="alert"
          >
            {error.text}
          </Alert>
        )}

        <Stack gap={6}>
          <Group>
            <Button
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={busy === 'export'}
              disabled={busy !== null && busy !== 'export'}
              onClick={() => void onExport()}
            >
              {t('backup.export')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
              loading={busy === 'read'}
              disabled={busy !== null && busy !== 'read'}
              onClick={() => void onChooseFile()}
            >
              {t('backup.restore')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('backup.exportHelp')} {t('backup.restoreHelp')}
          </Text>
        </Stack>

        <Divider />

        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={500} size="sm">
              {t('backup.auto.title')}
            </Text>
            {list.status === 'ready' && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={refresh}
              >
                {t('backup.auto.refresh')}
              </Button>
            )}
          </Group>
          <AutoBackupList
            list={list}
            busy={busy !== null}
            onRestore={(file) => void onChooseAuto(file)}
            t={t}
          />
        </Stack>
      </Stack>

      <Modal
        opened={pending !== null}
        onClose={() => {
          setPending(null);
        }}
        title={t('backup.confirm.title')}
        size="lg"
        centered
      >
        {pending !== null && (
          <Stack>
            <Alert color="navy" variant="light">
              {t('backup.confirm.body')}
            </Alert>
            <Table variant="vertical" layout="fixed" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={200}>{t('backup.confirm.file')}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{pending.sourceName}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.confirm.workspace')}</Table.Th>
                  <Table.Td>{pending.workspaceName || t('backup.unnamedWorkspace')}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.confirm.createdAt')}</Table.Th>
                  <Table.Td>{formatTimestamp(pending.createdAt)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.confirm.rows')}</Table.Th>
                  <Table.Td>{formatNumber(pending.rowCount)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.confirm.newName')}</Table.Th>
                  <Table.Td>
                    {nameFor({ workspaceName: pending.workspaceName, backupCreatedAt: pending.createdAt })}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setPending(null);
                }}
              >
                {t('backup.confirm.cancel')}
              </Button>
              <Button onClick={() => void onConfirm()}>{t('backup.confirm.action')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={restored !== null}
        onClose={() => {
          setRestored(null);
        }}
        title={t('backup.done.title')}
        centered
      >
        {restored !== null && (
          <Stack>
            <Text>{t('backup.done.body', { name: restored.name })}</Text>
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setRestored(null);
                }}
              >
                {t('backup.done.stay')}
              </Button>
              {props.onOpenWorkspace !== undefined && (
                <Button
                  onClick={() => {
                    setRestored(null);
                    props.onOpenWorkspace?.(restored.id);
                  }}
                >
                  {t('backup.done.open')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

function AutoBackupList(props: {
  readonly list: ReturnType<typeof useAutoBackupList>['list'];
  readonly busy: boolean;
  readonly onRestore: (file: string) => void;
  readonly t: TFunction;
}) {
  const { list, t } = props;
  if (list.status === 'loading') {
    return (
      <Text size="sm" c="dimmed">
        {t('app.loading')}
      </Text>
    );
  }
  if (list.status === 'not-supported') {
    return (
      <Text size="sm" c="dimmed" data-testid="auto-backups-browser-note">
        {t('backup.auto.browserOnly')}
      </Text>
    );
  }
  if (list.status === 'error') {
    return (
      <Alert color="red" variant="light">
        {t('backup.auto.loadError', { code: list.failure.code })}
      </Alert>
    );
  }
  if (list.entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('backup.auto.help')} {t('backup.auto.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('backup.auto.help')}
      </Text>
      <Table.ScrollContainer minWidth={420} maxHeight={320}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup.auto.kind')}</Table.Th>
              <Table.Th>{t('backup.auto.date')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('backup.auto.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.entries.map((entry) => {
              const kind = t(entry.kind === 'daily' ? 'backup.auto.daily' : 'backup.auto.hourly');
              const date = formatTimestamp(entry.createdAt);
              return (
                <Table.Tr key={entry.file}>
                  <Table.Td>
                    <Badge variant="light" color={entry.kind === 'daily' ? 'navy' : 'gray'}>
                      {kind}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{date}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                    {t('backup.auto.kilobytes', {
                      size: formatNumber(Math.max(1, Math.round(entry.size / 1024))),
                    })}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      disabled={props.busy}
                      aria-label={t('backup.auto.restoreLabel', { kind: kind.toLowerCase(), date })}
                      onClick={() => {
                        props.onRestore(entry.file);
                      }}
                    >
                      {t('backup.auto.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
