/**
 * « Gérer les dossiers »: every client workspace with its creation date; rename any of them; delete any but
 * the open one. A deletion says what is lost, suggests a backup first, and needs the workspace's name typed
 * back (`isDeletionConfirmed`) before its button enables.
 */
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeletionConfirmed, useWorkspaceActions } from '../../data/workspaces-hooks';
import type { WorkspaceList, WorkspaceOutcome, WorkspaceSummary } from '../../data/workspaces-hooks';
import { formatDate } from '../../lib/format';

type Step =
  | { readonly kind: 'list' }
  | { readonly kind: 'rename'; readonly entry: WorkspaceSummary; readonly name: string }
  | { readonly kind: 'delete'; readonly entry: WorkspaceSummary; readonly typed: string };

export function ManageWorkspacesModal(props: {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly list: WorkspaceList;
}) {
  const { opened, onClose, list } = props;
  const { t } = useTranslation();
  const { open, rename, remove } = useWorkspaceActions();
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [error, setError] = useState<string | null>(null);

  const close = (): void => {
    setStep({ kind: 'list' });
    setError(null);
    onClose();
  };
  const failure = (outcome: Exclude<WorkspaceOutcome, { ok: true }>): string => {
    if (outcome.code === 'empty-name') return t('workspaces.emptyName');
    if (outcome.code === 'is-current') return t('workspaces.isCurrent');
    return t('workspaces.failed', { detail: outcome.detail ?? outcome.code });
  };

  const saveName = async (entry: WorkspaceSummary, name: string): Promise<void> => {
    const outcome = await rename(entry.id, name);
    if (!outcome.ok) {
      setError(failure(outcome));
      return;
    }
    notifications.show({ color: 'teal', message: t('workspaces.renamed') });
    setStep({ kind: 'list' });
  };
  const confirmDelete = async (entry: WorkspaceSummary): Promise<void> => {
    const outcome = await remove(entry.id);
    if (!outcome.ok) {
      setError(failure(outcome));
      return;
    }
    notifications.show({ color: 'teal', message: t('workspaces.deleted', { name: entry.name }) });
    setStep({ kind: 'list' });
  };

  let body;
  if (step.kind === 'delete') {
    const { entry, typed } = step;
    body = (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (isDeletionConfirmed(typed, entry.name)) void confirmDelete(entry);
        }}
      >
        <Stack gap="md">
          <Text fw={700}>{t('workspaces.deleteTitle', { name: entry.name })}</Text>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            <Stack gap="xs">
              <Text size="sm">{t('workspaces.deleteLoss')}</Text>
              <Text size="sm">{t('workspaces.deleteBackupHint')}</Text>
            </Stack>
          </Alert>
          <TextInput
            label={t('workspaces.deleteConfirmLabel', { name: entry.name })}
            value={typed}
            onChange={(event) => {
              setStep({ ...step, typed: event.currentTarget.value });
            }}
            autoComplete="off"
            data-autofocus
          />
          {error !== null && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setStep({ kind: 'list' });
              }}
            >
              {t('workspaces.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!isDeletionConfirmed(typed, entry.name)}>
              {t('workspaces.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  } else {
    body = (
      <Stack gap="md">
        <Table striped verticalSpacing="xs" aria-label={t('workspaces.manageTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('workspaces.colName')}</Table.Th>
              <Table.Th scope="col">{t('workspaces.colCreated')}</Table.Th>
              <Table.Th scope="col">{t('workspaces.colActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.entries.map((entry) => {
              const isCurrent = entry.id === list.currentId;
              const isRenaming = step.kind === 'rename' && step.entry.id === entry.id;
              return (
                <Table.Tr key={entry.id}>
                  <Table.Th scope="row" fw={500}>
                    {isRenaming ? (
                      <form
                        onSubmit={(event) => {
                          event.preventDefault();
                          void saveName(entry, step.name);
                        }}
                      >
                        <Group gap="xs" wrap="nowrap">
                          <TextInput
                            size="xs"
                            aria-label={t('workspaces.renameLabel', { name: entry.name })}
                            value={step.name}
                            onChange={(event) => {
                              setStep({ ...step, name: event.currentTarget.value });
                            }}
                            error={error}
                            data-autofocus
                          />
                          <Button size="xs" type="submit">
                            {t('workspaces.save')}
                          </Button>
                        </Group>
                      </form>
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {entry.name}
                        </Text>
                        {isCurrent && (
                          <Badge size="xs" variant="light">
                            {t('workspaces.openedTag')}
                          </Badge>
                        )}
                        {entry.isDemo && (
                          <Badge size="xs" variant="light" color="grape">
                            {t('workspaces.demoBadge')}
                          </Badge>
                        )}
                      </Group>
                    )}
                  </Table.Th>
                  <Table.Td>{formatDate(entry.createdAt.slice(0, 10))}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {!isCurrent && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => {
                            open(entry.id);
                          }}
                        >
                          {t('workspaces.open')}
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`${t('workspaces.rename')} — ${entry.name}`}
                        onClick={() => {
                          setError(null);
                          setStep({ kind: 'rename', entry, name: entry.name });
                        }}
                      >
                        {t('workspaces.rename')}
                      </Button>
                      {isCurrent ? (
                        <Tooltip label={t('workspaces.deleteCurrentReason')} multiline w={240}>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            data-disabled
                            aria-disabled
                            aria-label={`${t('workspaces.delete')} — ${entry.name} : ${t('workspaces.deleteCurrentReason')}`}
                            onClick={(event) => {
                              event.preventDefault();
                            }}
                          >
                            {t('workspaces.delete')}
                          </Button>
                        </Tooltip>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`${t('workspaces.delete')} — ${entry.name}`}
                          onClick={() => {
                            setError(null);
                            setStep({ kind: 'delete', entry, typed: '' });
                          }}
                        >
                          {t('workspaces.delete')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t('workspaces.manageTitle')} size="xl">
      {body}
    </Modal>
  );
}
