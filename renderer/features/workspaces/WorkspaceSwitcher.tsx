/**
 * The header's workspace switcher: the open client workspace's name, and a menu with the other workspaces
 * (opening one reloads the app on it), « Nouveau dossier client… », « Gérer les dossiers » and
 * « Réinitialiser la démonstration ». The modals live beside it.
 */
import { Badge, Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBriefcase,
  IconChevronDown,
  IconFolderPlus,
  IconRefresh,
  IconSettings2,
} from '@tabler/icons-react';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceActions, useWorkspaceList } from '../../data/workspaces-hooks';
import { ManageWorkspacesModal } from './ManageWorkspacesModal';
import { NewWorkspaceModal } from './NewWorkspaceModal';
import { ResetDemoModal } from './ResetDemoModal';

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const list = useWorkspaceList();
  const { open } = useWorkspaceActions();
  const [isNewOpen, newModal] = useDisclosure();
  const [isManageOpen, manageModal] = useDisclosure();
  const [isResetOpen, resetModal] = useDisclosure();
  const ids = useId();
  const dropdown = useRef<HTMLDivElement>(null);
  const focusFirstItem = (attempt = 0): void => {
    // The dropdown mounts a frame or two after `onOpen`: try again until it is there (at most ~10 frames).
    requestAnimationFrame(() => {
      const item = dropdown.current?.querySelector<HTMLElement>('[data-menu-item]:not(:disabled)');
      if (item !== null && item !== undefined) item.focus();
      else if (attempt < 10) focusFirstItem(attempt + 1);
    });
  };
  const currentName = list?.current?.name ?? t('workspaces.loading');
  const others = list?.entries.filter((entry) => entry.id !== list.currentId) ?? [];

  return (
    <>
      {/* No initial-focus placeholder (a focusable presentational child of the menu, which ARIA forbids):
          opening the menu focuses its first enabled item instead, so Escape and the arrows work at once. */}
      <Menu
        position="bottom-start"
        width={300}
        shadow="md"
        withinPortal
        withInitialFocusPlaceholder={false}
        onOpen={() => {
          focusFirstItem();
        }}
      >
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            radius="md"
            leftSection={<IconBriefcase size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            aria-label={t('workspaces.switcherLabel', { name: currentName })}
            data-testid="workspace-switcher"
            maw={260}
            styles={{ label: { overflow: 'hidden' } }}
          >
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {currentName}
            </span>
          </Button>
        </Menu.Target>
        <Menu.Dropdown ref={dropdown}>
          {/* Groups, not loose labels: a menu may only hold items, groups and separators (ARIA). */}
          <div role="group" aria-labelledby={`${ids}-current`}>
            <Menu.Label id={`${ids}-current`}>{t('workspaces.current')}</Menu.Label>
            <Menu.Item disabled leftSection={<IconBriefcase size={16} aria-hidden />}>
              <Text size="sm" fw={600} truncate>
                {currentName}
              </Text>
            </Menu.Item>
          </div>
          <div role="group" aria-labelledby={`${ids}-others`}>
            <Menu.Label id={`${ids}-others`}>{t('workspaces.others')}</Menu.Label>
            {others.length === 0 && (
              <Text size="sm" c="dimmed" px="sm" py={6}>
                {t('workspaces.noOthers')}
              </Text>
            )}
            {others.map((entry) => (
              <Menu.Item
                key={entry.id}
                onClick={() => {
                  open(entry.id);
                }}
                rightSection={
                  entry.isDemo ? (
                    <Badge size="xs" variant="light" color="grape">
                      {t('workspaces.demoBadge')}
                    </Badge>
                  ) : undefined
                }
              >
                <Text size="sm" truncate>
                  {entry.name}
                </Text>
              </Menu.Item>
            ))}
          </div>
          <div role="group" aria-label={t('workspaces.manage')}>
            <Menu.Divider />
            <Menu.Item leftSection={<IconFolderPlus size={16} aria-hidden />} onClick={newModal.open}>
              {t('workspaces.new')}
            </Menu.Item>
            <Menu.Item leftSection={<IconSettings2 size={16} aria-hidden />} onClick={manageModal.open}>
              {t('workspaces.manage')}
            </Menu.Item>
            <Menu.Item leftSection={<IconRefresh size={16} aria-hidden />} onClick={resetModal.open}>
              {t('workspaces.resetDemo')}
            </Menu.Item>
          </div>
        </Menu.Dropdown>
      </Menu>
      <NewWorkspaceModal opened={isNewOpen} onClose={newModal.close} />
      {list !== undefined && (
        <ManageWorkspacesModal opened={isManageOpen} onClose={manageModal.close} list={list} />
      )}
      <ResetDemoModal opened={isResetOpen} onClose={resetModal.close} />
    </>
  );
}
