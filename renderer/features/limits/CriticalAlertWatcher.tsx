/**
 * Mounted once in the shell: for each NEW critical alert of the workspace (as of today, neither acknowledged
 * nor snoozed, never notified before on this computer), a native desktop notification — a few one by one,
 * then one summary for the rest. The keys notified are remembered per workspace in localStorage. Browser
 * mode stays silent: it would have to ask for the permission unprompted, at start-up.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { renderAlert } from '../../../shared/domain/alert-messages';
import {
  newCriticalAlerts,
  notifiedKeysToKeep,
  readNotifiedKeys,
  useAlertCentre,
  useOptionalWorkspace,
  useWorkspaceId,
  writeNotifiedKeys,
} from '../../data/alert-hooks';
import { bridge, isDesktop } from '../../platform/bridge';

/** Individual notifications at once; beyond, one summary (« et 7 autres alertes critiques »). */
const MAX_SINGLE = 3;

function Watcher() {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const entries = useAlertCentre({ criticalOnly: true });
  useEffect(() => {
    if (entries === undefined) return;
    const notified = readNotifiedKeys(window.localStorage, workspaceId);
    const fresh = newCriticalAlerts(entries, notified, MAX_SINGLE);
    const language = i18n.language === 'en' ? 'en' : 'fr';
    for (const entry of fresh.single) {
      const message = renderAlert(entry.alert, language);
      void bridge.showNotification({
        title: t('alertCentre.notification.title', { title: message.title, buyer: entry.buyerName }).slice(
          0,
          200,
        ),
        body: message.action.slice(0, 1000),
      });
    }
    if (fresh.others > 0) {
      void bridge.showNotification({
        title: t('alertCentre.notification.summaryTitle'),
        body: t('alertCentre.notification.summary', { count: fresh.others }),
      });
    }
    writeNotifiedKeys(window.localStorage, workspaceId, notifiedKeysToKeep(entries, notified, fresh.keys));
  }, [entries, workspaceId, t, i18n.language]);
  return null;
}

export function CriticalAlertWatcher() {
  const workspace = useOptionalWorkspace();
  return workspace === null || !isDesktop ? null : <Watcher />;
}
