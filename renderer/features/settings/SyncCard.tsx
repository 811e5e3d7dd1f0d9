/**
 * Paramètres → Synchronisation d'équipe. Not connected: server address, invite code and this device's name
 * (prefilled), checked before anything is sent; "Se connecter" redeems the invite, keeps the token through
 * the bridge and starts syncing. Connected: the server, the device, the last sync, "Synchroniser maintenant"
 * and "Se déconnecter" (after a confirmation saying that local data and pending changes stay).
 * Errors are worded by code (never by message text); where the token is kept is always said — weakly
 * protected on Linux without a keyring, forgotten with the tab in browser mode.
 */
import { Alert, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock, IconPlugConnected } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretStorageInfo } from '../../../shared/ipc/contract';
import { useSyncActions, useSyncState } from '../../data/sync';
import type { ConnectFailure } from '../../data/sync';
import { isDesktop } from '../../platform/bridge';
import { SyncNowButton } from '../../components/SyncNowButton';

const timestampFormat = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function formatTimestamp(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timestampFormat.format(date);
}

/** The CSP lets the app reach https servers, and plain http on this computer only. */
export function serverUrlProblem(value: string): 'urlRequired' | 'urlInvalid' | null {
  const text = value.trim();
  if (text === '') return 'urlRequired';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'urlInvalid';
  }
  if (url.protocol === 'https:') return null;
  const isLoopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  return url.protocol === 'http:' && isLoopback ? null : 'urlInvalid';
}

function failureText(t: TFunction, language: string, failure: ConnectFailure): string {
  if (failure.kind === 'bridge') {
    return failure.code === 'encryption-unavailable'
      ? t('sync.settings.encryptionUnavailable')
      : t('sync.settings.bridgeError', { code: failure.code, detail: failure.detail });
  }
  switch (failure.failure.code) {
    // The invite code is the only credential sent: a refused or malformed one is "unknown or used".
    case 'unauthorized':
    case 'invalid-request':
      return t('sync.settings.inviteInvalid');
    case 'offline':
      return t('sync.settings.unreachable');
    case 'not-found':
    case 'invalid-response':
      return t('sync.settings.notServer');
    default:
      return language.startsWith('en') ? failure.failure.message.en : failure.failure.message.fr;
  }
}

function TokenStorageNote(props: { readonly info: SecretStorageInfo | null }) {
  const { t } = useTranslation();
  const { info } = props;
  if (info === null) return null;
  if (!info.persists) {
    return (
      <Text size="sm" c="dimmed">
        {t('sync.settings.tokenSession')}
      </Text>
    );
  }
  if (!info.isEncrypted) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
        {t('sync.settings.tokenWeak', { backend: info.backend })}
      </Alert>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <IconLock size={16} aria-hidden />
      <Text size="sm" c="dimmed">
        {t('sync.settings.tokenEncrypted', { backend: info.backend })}
      </Text>
    </Group>
  );
}

type Field = 'serverUrl' | 'inviteCode' | 'deviceName';

function ConnectForm() {
  const { t, i18n } = useTranslation();
  const { connect } = useSyncActions();
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    serverUrl: '',
    inviteCode: '',
    deviceName: t(isDesktop ? 'sync.settings.defaultDeviceDesktop' : 'sync.settings.defaultDeviceBrowser'),
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    const urlProblem = serverUrlProblem(values.serverUrl);
    if (urlProblem !== null) found.serverUrl = t(`sync.settings.${urlProblem}`);
    if (values.inviteCode.trim() === '') found.inviteCode = t('sync.settings.inviteRequired');
    if (values.deviceName.trim() === '') found.deviceName = t('sync.settings.deviceRequired');
    return found;
  };

  const submit = async () => {
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setIsBusy(true);
    const result = await connect(values);
    setIsBusy(false);
    if (result.ok) {
      notifications.show({ message: t('sync.settings.connected'), color: 'teal', autoClose: 3000 });
    } else {
      setFailure(failureText(t, i18n.language, result.failure));
    }
  };

  const field = (name: Field) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const next = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: next }));
    },
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('sync.settings.serverUrl')}
          description={t('sync.settings.serverUrlHelp')}
          placeholder="https://"
          type="url"
          autoComplete="url"
          {...field('serverUrl')}
        />
        <TextInput
          label={t('sync.settings.inviteCode')}
          description={t('sync.settings.inviteCodeHelp')}
          autoComplete="off"
          spellCheck={false}
          {...field('inviteCode')}
        />
        <TextInput
          label={t('sync.settings.deviceName')}
          description={t('sync.settings.deviceNameHelp')}
          {...field('deviceName')}
        />
        {failure !== null && (
          <Alert
            color="red"
            variant="light"
            title={t('sync.settings.connectFailed')}
            icon={<IconAlertTriangle size={18} aria-hidden />}
          >
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={isBusy} leftSection={<IconPlugConnected size={16} aria-hidden />}>
            {t('sync.settings.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SyncCard() {
  const { t, i18n } = useTranslation();
  const { view, secretStorage } = useSyncState();
  const { disconnect } = useSyncActions();
  const [isConfirming, setIsConfirming] = useState(false);

  return (
    <Card withBorder radius="lg" padding="xl" component="section" aria-labelledby="sync-card-title">
      <Title order={2} size="h4" mb="xs" id="sync-card-title">
        {t('sync.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('sync.settings.intro')}
      </Text>
      {view.kind === 'loading' && <Text c="dimmed">{t('app.loading')}</Text>}
      {view.kind === 'local' && <ConnectForm />}
      {view.kind === 'connected' && (
        <Stack gap="md">
          <Table variant="vertical" layout="fixed" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>{t('sync.settings.server')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{view.connection.serverUrl}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.settings.device')}</Table.Th>
                <Table.Td>{view.connection.deviceName ?? view.connection.deviceId ?? '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.settings.connectedAt')}</Table.Th>
                <Table.Td>{formatTimestamp(view.connection.connectedAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.settings.lastSync')}</Table.Th>
                <Table.Td data-testid="sync-last">{formatTimestamp(view.state.lastSyncAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.settings.pending')}</Table.Th>
                <Table.Td>{view.state.pendingOps}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {view.state.error !== undefined && view.state.status !== 'idle' && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {i18n.language.startsWith('en') ? view.state.error.message.en : view.state.error.message.fr}
              {view.state.status === 'paused' && view.state.error.code === 'unauthorized' && (
                <Text size="sm" mt={4}>
                  {t('sync.settings.reconnectHint')}
                </Text>
              )}
            </Alert>
          )}
          <Group>
            <SyncNowButton size="sm" />
            <Button
              variant="default"
              color="red"
              onClick={() => {
                setIsConfirming(true);
              }}
            >
              {t('sync.settings.disconnect')}
            </Button>
          </Group>
        </Stack>
      )}
      <Stack mt="md">
        <TokenStorageNote info={secretStorage} />
      </Stack>
      <Modal
        opened={isConfirming}
        onClose={() => {
          setIsConfirming(false);
        }}
        title={t('sync.settings.disconnectTitle')}
        centered
      >
        <Text size="sm">
          {t('sync.settings.disconnectBody', {
            pending: view.kind === 'connected' ? view.state.pendingOps : 0,
          })}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button
            variant="default"
            onClick={() => {
              setIsConfirming(false);
            }}
          >
            {t('sync.settings.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setIsConfirming(false);
              void disconnect().then(() => {
                notifications.show({
                  message: t('sync.settings.disconnected'),
                  color: 'teal',
                  autoClose: 3000,
                });
              });
            }}
          >
            {t('sync.settings.disconnect')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
