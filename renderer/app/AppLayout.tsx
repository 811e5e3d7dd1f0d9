/**
 * The shell around every screen: header (brand, client workspace switcher, sync indicator, platform,
 * presentation mode, language), side navigation grouped by job (Conflits carries the count of conflicts to
 * review), and the routed page. Navigation items come from NAV_ITEMS only.
 */
import {
  AppShell,
  Badge,
  Box,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { languageSchema } from '../../shared/ipc/contract';
import { BuyerNameMaskContext, isBuyerNameMasked } from '../data/display-name';
import { useSyncState } from '../data/sync';
import { CriticalAlertWatcher } from '../features/limits/CriticalAlertWatcher';
import { PresentationControl } from '../features/workspaces/PresentationControl';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { bridge, isDesktop } from '../platform/bridge';
import { NAV_ITEMS, NAV_SECTIONS } from './navigation';
import { useSettings } from './settings-context';
import { SyncIndicator } from './SyncIndicator';

function BrandMark() {
  return (
    <svg width="30" height="30" viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-navy-7)" />
      <path d="M41 19.5a15 15 0 1 0 0 25" fill="none" stroke="#fff" strokeWidth="6" strokeLinecap="round" />
      <path d="M16 29h20M16 36h17" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
    </svg>
  );
}

/** The hash router owns `#…`, so the skip link moves focus itself instead of following its href. */
function skipToContent(event: React.MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main-content')?.focus();
}

export function AppLayout() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  // Presenting: larger type, so the header keeps only what a demo needs (no tagline, no platform badge).
  const isPresenting = settings.presentationMode === true;
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const { unresolvedConflicts } = useSyncState();

  // The desktop menu's "Aller à" entries and shortcuts arrive as navigation events from the main process.
  useEffect(
    () =>
      bridge.on.navigate(({ path }) => {
        void navigate(path);
      }),
    [navigate],
  );

  return (
    <BuyerNameMaskContext value={isBuyerNameMasked(settings)}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="xl"
      >
        <AppShell.Header px="lg">
          {/* First in the tab order: keyboard users skip the navigation (WCAG 2.4.1). Visible on focus only. */}
          <a href="#main-content" className="skip-link" onClick={skipToContent}>
            {t('app.skipToContent')}
          </a>
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.openNavigation')}
              />
              <BrandMark />
              <Box>
                <Text fw={700} size="lg" lh={1.1}>
                  {t('app.name')}
                </Text>
                {!isPresenting && (
                  <Text size="xs" c="dimmed" lh={1.1} visibleFrom="lg">
                    {t('app.tagline')}
                  </Text>
                )}
              </Box>
              <Box ml="md">
                <WorkspaceSwitcher />
              </Box>
            </Group>
            <Group gap="md" wrap="nowrap">
              <SyncIndicator />
              {!isPresenting && (
                <Tooltip label={t('app.offlineReady')}>
                  <Badge
                    variant="light"
                    color="gray"
                    size="lg"
                    radius="sm"
                    leftSection={<IconCloudOff size={14} aria-hidden />}
                    visibleFrom="md"
                  >
                    {isDesktop ? t('app.desktopMode') : t('app.browserMode')}
                  </Badge>
                </Tooltip>
              )}
              <PresentationControl />
              <SegmentedControl
                size="xs"
                aria-label={t('app.language')}
                value={settings.language}
                onChange={(value) => void update({ language: languageSchema.parse(value) })}
                data={[
                  { value: 'fr', label: 'FR' },
                  { value: 'en', label: 'EN' },
                ]}
              />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label={t('app.name')}>
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap="lg" pt="xs">
              {NAV_SECTIONS.map((section) => (
                <Box key={section}>
                  <Text
                    size="xs"
                    fw={700}
                    c="dimmed"
                    tt="uppercase"
                    px="sm"
                    mb={6}
                    style={{ letterSpacing: 0.6 }}
                  >
                    {t(`nav.${section}`)}
                  </Text>
                  {NAV_ITEMS.filter((item) => item.section === section).map(
                    ({ id, path, icon: ItemIcon }) => {
                      const active =
                        path === '/' ? location.pathname === '/' : location.pathname.startsWith(path);
                      return (
                        <NavLink
                          key={id}
                          component={RouterNavLink}
                          to={path}
                          end={path === '/'}
                          label={t(`nav.${id}`)}
                          active={active}
                          onClick={close}
                          variant="light"
                          style={{ borderRadius: 'var(--mantine-radius-md)' }}
                          rightSection={
                            id === 'conflicts' && unresolvedConflicts > 0 ? (
                              <Badge size="sm" color="orange" circle aria-hidden>
                                {unresolvedConflicts}
                              </Badge>
                            ) : undefined
                          }
                          leftSection={
                            <ThemeIcon
                              variant={active ? 'filled' : 'transparent'}
                              color={active ? 'navy' : 'gray'}
                              size={28}
                            >
                              <ItemIcon size={18} stroke={1.7} aria-hidden />
                            </ThemeIcon>
                          }
                        />
                      );
                    },
                  )}
                </Box>
              ))}
            </Stack>
          </AppShell.Section>
        </AppShell.Navbar>

        <CriticalAlertWatcher />
        <AppShell.Main bg="var(--mantine-color-body)">
          <Box id="main-content" tabIndex={-1} maw={1280} mx="auto" style={{ outline: 'none' }}>
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </BuyerNameMaskContext>
  );
}
