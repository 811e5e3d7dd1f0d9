/**
 * Renderer entry: read the settings through the bridge, start i18next in the chosen language, then mount the
 * providers (Mantine theme, notifications, settings) and the router.
 */
import '@fontsource-variable/inter';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { MantineProvider, useMantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { DEFAULT_SETTINGS, type Settings } from '../shared/ipc/contract';
import { createAppRouter } from './app/router';
import { SettingsProvider, useSettings } from './app/settings-context';
import { theme } from './app/theme';
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

function App({ settings }: { settings: Settings }) {
  const [router] = useState(createAppRouter);
  return (
    <MantineProvider theme={theme} defaultColorScheme={settings.colorScheme}>
      <SettingsProvider initial={settings}>
        <ColorSchemeSync />
        <Notifications position="bottom-right" />
        <RouterProvider router={router} />
      </SettingsProvider>
    </MantineProvider>
  );
}

async function start(): Promise<void> {
  const loaded = await bridge.getSettings();
  const settings = loaded.ok ? loaded.data : DEFAULT_SETTINGS;
  await initI18n(settings.language);
  const container = document.getElementById('root');
  if (container === null) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <App settings={settings} />
    </StrictMode>,
  );
}

void start();
