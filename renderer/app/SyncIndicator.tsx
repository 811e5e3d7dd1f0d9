/**
 * The header's sync indicator: local only, synced, syncing, pending changes, offline, paused or in error —
 * in words, with the last sync time ("il y a 2 min"). A click opens the details (the error's sentence, the
 * server, the pending changes, the conflicts to review) and "Synchroniser maintenant".
 * Reads `useSyncState()` only; outside a SyncProvider it shows "Local uniquement".
 */
import { Anchor, Badge, Divider, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconAlertCircle,
  IconCloudCheck,
  IconCloudOff,
  IconCloudUpload,
  IconDeviceDesktop,
  IconPlayerPause,
  IconRefresh,
  type Icon,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSyncState } from '../data/sync';
import type { SyncView } from '../data/sync';
import { formatRelativeTime } from './relative-time';
import { SyncNowButton } from '../components/SyncNowButton';

type Look = { readonly label: string; readonly color: string; readonly icon: Icon };

function lookOf(t: TFunction, view: SyncView): Look {
  if (view.kind !== 'connected') {
    return { label: t('sync.indicator.local'), color: 'gray', icon: IconDeviceDesktop };
  }
  const { state } = view;
  switch (state.status) {
    case 'offline':
      return { label: t('sync.indicator.offline'), color: 'orange', icon: IconCloudOff };
    case 'paused':
      return { label: t('sync.indicator.paused'), color: 'red', icon: IconPlayerPause };
    case 'error':
      return { label: t('sync.indicator.error'), color: 'red', icon: IconAlertCircle };
    case 'syncing':
      return { label: t('sync.indicator.syncing'), color: 'blue', icon: IconRefresh };
    case 'idle':
      if (state.pendingOps > 0) {
        return {
          label: t('sync.indicator.pending', { count: state.pendingOps }),
          color: 'yellow',
          icon: IconCloudUpload,
        };
      }
      return {
        label: state.isLeader ? t('sync.indicator.synced') : t('sync.indicator.follower'),
        color: 'teal',
        icon: IconCloudCheck,
      };
  }
}

/** The current time, ticking every 30 s, so "il y a 2 min" stays true while the screen is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, 30_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
}

export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { view, unresolvedConflicts } = useSyncState();
  const now = useNow();
  const [opened, setOpened] = useState(false);
  if (view.kind === 'loading') return null;
  const look = lookOf(t, view);
  const LookIcon = look.icon;
  const lastSync =
    view.kind === 'connected' && view.state.lastSyncAt !== null
      ? formatRelativeTime(view.state.lastSyncAt, now, i18n.language, t('sync.indicator.justNow'))
      : null;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={340} withArrow>
      <Popover.Target>
        <UnstyledButton
          aria-label={`${t('sync.indicator.label')} : ${look.label}`}
          data-testid="sync-indicator"
          data-status={view.kind === 'connected' ? view.state.status : 'local'}
          onClick={() => {
            setOpened((value) => !value);
          }}
        >
          <Badge
            variant="light"
            color={look.color}
            size="lg"
            radius="sm"
            leftSection={<LookIcon size={14} aria-hidden />}
            style={{ cursor: 'pointer' }}
          >
            {look.label}
            {lastSync !== null && view.kind === 'connected' && view.state.status === 'idle' && (
              <Text span size="xs" c="dimmed" ml={6} fw={500}>
                · {lastSync}
              </Text>
            )}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        {/* Mantine makes the dropdown a dialog labelled by the button ("État de la synchronisation : …"). */}
        <Stack gap="xs">
          <Group gap={8}>
            <LookIcon size={18} color={`var(--mantine-color-${look.color}-7)`} aria-hidden />
            <Text fw={600}>{look.label}</Text>
          </Group>
          {view.kind !== 'connected' ? (
            <Text size="sm">{t('sync.indicator.localHelp')}</Text>
          ) : (
            <>
              {view.state.error !== undefined && view.state.status !== 'idle' && (
                <Text size="sm" c={look.color === 'red' ? 'red.8' : 'orange.8'}>
                  {i18n.language.startsWith('en') ? view.state.error.message.en : view.state.error.message.fr}
                </Text>
              )}
              <Text size="sm">
                {t('sync.indicator.lastSync', { when: lastSync ?? t('sync.indicator.never') })}
              </Text>
              <Text size="sm">
                {view.state.pendingOps > 0
                  ? t('sync.indicator.pendingDetail', { count: view.state.pendingOps })
                  : t('sync.indicator.noPending')}
              </Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('sync.indicator.server', { server: view.connection.serverUrl })}
              </Text>
            </>
          )}
          {unresolvedConflicts > 0 && (
            <Anchor
              component={Link}
              to="/conflicts"
              size="sm"
              onClick={() => {
                setOpened(false);
              }}
            >
              {t('sync.indicator.conflicts', { count: unresolvedConflicts })}
            </Anchor>
          )}
          <Divider />
          <Group justify="space-between">
            <Anchor
              component={Link}
              to="/settings"
              size="sm"
              onClick={() => {
                setOpened(false);
              }}
            >
              {t('sync.indicator.openSettings')}
            </Anchor>
            {view.kind === 'connected' && <SyncNowButton size="xs" />}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
