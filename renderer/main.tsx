/**
 * Renderer entry: read the settings through the bridge, start i18next in the chosen language, open the current
 * workspace (persistent storage requested first), then mount the providers (Mantine theme, notifications,
 * settings, workspace, team sync) and the router. A workspace that cannot be opened (e.g. written by a newer Encours)
 * gets a full-page message instead of the router, so nothing can write to it.
 */
import '@fontsource-variable/inter';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { MantineProvider, useMantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { DEFAULT_SETTINGS, type Settings } from '../shared/ipc/contract';
import { createAppRouter } from './app/router';
import { SettingsProvider, useSettings } from './app/settings-context';
import { StoreErrorPage } from './app/StoreErrorPage';
import { cssVariablesResolver, localizedTheme } from './app/theme';
import { openCurrentWorkspace } from './data/bootstrap';
import type { BootResult } from './data/bootstrap';
import { useAggregatesFollowToday } from './data/aggregate-refresh';
import { AutoBackupScheduler } from './data/backups';
import { SyncProvider } from './data/sync';
import { WorkspaceProvider } from './data/workspace-context';
import { initI18n } from './i18n';
import { bridge } from './platform/bridge';

function ColorSchemeSync() {
  const { settings } = useSettings();
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    setColorScheme(settings.colorScheme);
  }, [settings.colorScheme, setColorScheme]);
  return null;
}

/** Keeps the stored per-buyer figures as of today (at open, and after midnight). */
function AggregateRefresher() {
  useAggregatesFollowToday();
  return null;
}

function Routes({ boot }: { boot: BootResult }) {
  const [router] = useState(createAppRouter);
  if (!boot.ok) return <StoreErrorPage message={boot.error.message} />;
  return (
    <WorkspaceProvider workspace={boot.workspace}>
      <AutoBackupScheduler />
      <AggregateRefresher />
      <SyncProvider>
        <RouterProvider router={router} />
      </SyncProvider>
    </WorkspaceProvider>
  );
}

/** Mantine, themed in the interface language (the close buttons it draws are named in that language). */
function ThemedApp({ boot, initialScheme }: { boot: BootResult; initialScheme: Settings['colorScheme'] }) {
  // useTranslation re-renders on a language change, so the label (and the theme) follow it.
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const localized = useMemo(() => localizedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider
      theme={localized}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme={initialScheme}
    >
      <ColorSchemeSync />
      <Notifications position="bottom-right" />
      <Routes boot={boot} />
    </MantineProvider>
  );
}

function App({ settings, boot }: { settings: Settings; boot: BootResult }) {
  return (
    <SettingsProvider initial={settings}>
      <ThemedApp boot={boot} initialScheme={settings.colorScheme} />
    </SettingsProvider>
  );
}

async function start(): Promise<void> {
  const loaded = await bridge.getSettings();
  const settings = loaded.ok ? loaded.data : DEFAULT_SETTINGS;
  await initI18n(settings.language);
  const boot = await openCurrentWorkspace(new Date());
  if (!boot.ok) console.warn(`[store] ${boot.error.code}: ${boot.error.message.en}`);
  const container = document.getElementById('root');
  if (container === null) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <App settings={settings} boot={boot} />
    </StrictMode>,
  );
}

void start();
