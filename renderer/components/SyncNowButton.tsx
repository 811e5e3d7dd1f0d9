import { Button } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncActions } from '../data/sync';

/** "Synchroniser maintenant", busy while the sync it started runs (header popover and Paramètres). */
export function SyncNowButton({ size }: { size: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { syncNow } = useSyncActions();
  const [isSyncing, setIsSyncing] = useState(false);
  return (
    <Button
      size={size}
      leftSection={<IconRefresh size={size === 'xs' ? 14 : 16} aria-hidden />}
      loading={isSyncing}
      onClick={() => {
        setIsSyncing(true);
        void syncNow().finally(() => {
          setIsSyncing(false);
        });
      }}
    >
      {t('sync.indicator.syncNow')}
    </Button>
  );
}
