/**
 * Settings as React state: loaded once through the bridge, updated through it, and shared by the shell
 * (language, theme) and the Paramètres page. A failed save keeps the previous value on screen.
 */
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '../../shared/ipc/contract';
import { changeLanguage } from '../i18n';
import { bridge } from '../platform/bridge';

export type SettingsState = {
  readonly settings: Settings;
  /** Resolves to an error message when the save failed, or null. */
  readonly update: (patch: SettingsPatch) => Promise<string | null>;
};

const SettingsContext = createContext<SettingsState | null>(null);

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const update = useCallback(async (patch: SettingsPatch) => {
    const result = await bridge.setSettings(patch);
    if (!result.ok) return result.error.message;
    if (patch.language !== undefined) await changeLanguage(result.data.language);
    setSettings(result.data);
    return null;
  }, []);
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext value={value}>{children}</SettingsContext>;
}

export function useSettings(): SettingsState {
  const state = use(SettingsContext);
  if (state === null) throw new Error('useSettings outside SettingsProvider');
  return state;
}
