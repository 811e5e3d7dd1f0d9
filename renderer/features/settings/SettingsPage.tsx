/**
 * Paramètres: language and theme apply at once; device settings (deadline warning, backups kept) are saved
 * when the field is left with a valid value. Every device save goes through the bridge (electron-store in the
 * desktop app, localStorage in the browser) and is confirmed, or its error shown, in a notification.
 * Police d'assurance-crédit (incl. the alert thresholds, whose single source is the policy): see PolicyCard;
 * Données (a demo workspace beside this one): see DataCard; Sauvegardes: see BackupsCard; Synchronisation
 * d'équipe: see SyncCard.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, SettingsPatch } from '../../../shared/ipc/contract';
import { colorSchemeSchema, languageSchema } from '../../../shared/ipc/contract';
import { useSettings } from '../../app/settings-context';
import { PageHeader } from '../../components/PageHeader';
import { switchToWorkspace } from '../../data/backups';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { bridge } from '../../platform/bridge';
import { BackupsCard } from './BackupsCard';
import { CompanyCard } from './CompanyCard';
import { DataCard } from './DataCard';
import { PolicyCard } from './PolicyCard';
import { SyncCard } from './SyncCard';

const LEGAL_TERMS_URL = 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000045653745';

const LANGUAGE_LABELS: Record<Language, string> = { fr: 'Français', en: 'English' };

function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.getAppInfo().then((result) => {
      if (live && result.ok) setInfo(result.data);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}

function ThresholdInput(props: {
  label: string;
  description: string;
  value: number;
  min: number;
  max: number;
  suffix: string;
  onCommit: (value: number) => void;
}) {
  const [draft, setDraft] = useState<string | number>(props.value);
  return (
    <NumberInput
      label={props.label}
      description={props.description}
      value={draft}
      onChange={setDraft}
      onBlur={() => {
        if (typeof draft === 'number' && draft !== props.value) props.onCommit(draft);
        else setDraft(props.value);
      }}
      min={props.min}
      max={props.max}
      clampBehavior="strict"
      allowDecimal={false}
      suffix={props.suffix}
      maw={420}
    />
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const info = useAppInfo();

  const save = async (patch: SettingsPatch) => {
    const error = await update(patch);
    if (error === null)
      notifications.show({ message: t('pages.settings.saved'), color: 'teal', autoClose: 4000 });
    else notifications.show({ message: t('pages.settings.saveError', { message: error }), color: 'red' });
  };

  return (
    <>
      <PageHeader title={t('pages.settings.title')} subtitle={t('pages.settings.subtitle')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Card withBorder radius="lg" padding="xl">
          <Title order={2} size="h4" mb="md">
            {t('pages.settings.display')}
          </Title>
          <Stack gap="lg">
            <Stack gap={6}>
              <Text fw={500} size="sm" id="language-label">
                {t('pages.settings.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="language-label"
                value={settings.language}
                onChange={(value) => void save({ language: languageSchema.parse(value) })}
                data={languageSchema.options.map((lang) => ({ value: lang, label: LANGUAGE_LABELS[lang] }))}
                maw={260}
              />
              <Text size="xs" c="dimmed">
                {t('pages.settings.languageHelp')}
              </Text>
            </Stack>
            <Stack gap={6}>
              <Text fw={500} size="sm" id="scheme-label">
                {t('pages.settings.colorScheme')}
              </Text>
              <SegmentedControl
                aria-labelledby="scheme-label"
                value={settings.colorScheme}
                onChange={(value) => void save({ colorScheme: colorSchemeSchema.parse(value) })}
                data={[
                  { value: 'light', label: t('pages.settings.colorLight') },
                  { value: 'dark', label: t('pages.settings.colorDark') },
                  { value: 'auto', label: t('pages.settings.colorAuto') },
                ]}
                maw={340}
              />
            </Stack>
            <Stack gap={6}>
              <Text fw={500} size="sm">
                {t('pages.settings.formatPreview')}
              </Text>
              <Group gap="xl">
                <Text data-testid="format-money" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(123_456_789)}
                </Text>
                <Text>{formatNumber(1234.5)}</Text>
                <Text>{formatDate('2026-11-25')}</Text>
              </Group>
            </Stack>
          </Stack>
        </Card>

        <Card withBorder radius="lg" padding="xl">
          <Title order={2} size="h4" mb="md">
            {t('pages.settings.alerts')}
          </Title>
          <Stack gap="lg">
            <ThresholdInput
              label={t('pages.settings.deadlineWarning')}
              description={t('pages.settings.deadlineWarningHelp')}
              value={settings.deadlineWarningDays}
              min={1}
              max={60}
              suffix={` ${t('pages.settings.days')}`}
              onCommit={(v) => void save({ deadlineWarningDays: v })}
            />
            <ThresholdInput
              label={t('pages.settings.backups')}
              description={t('pages.settings.backupsHelp')}
              value={settings.backupKeepCount}
              min={1}
              max={100}
              suffix=""
              onCommit={(v) => void save({ backupKeepCount: v })}
            />
          </Stack>
        </Card>

        <CompanyCard />

        <PolicyCard />

        <DataCard />

        <BackupsCard
          onOpenWorkspace={(id) => {
            switchToWorkspace(id);
          }}
        />

        <SyncCard />

        <Card withBorder radius="lg" padding="xl">
          <Title order={2} size="h4" mb="md">
            {t('pages.settings.about')}
          </Title>
          <Table variant="vertical" layout="fixed" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>{t('pages.settings.version')}</Table.Th>
                <Table.Td>{info === null ? t('app.loading') : `${info.name} ${info.version}`}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('pages.settings.platform')}</Table.Th>
                <Table.Td>
                  {info !== null && (
                    <Badge variant="light" color={info.platform === 'electron' ? 'navy' : 'gray'}>
                      {info.platform === 'electron' ? t('app.desktopMode') : t('app.browserMode')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('pages.settings.dataLocation')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{info?.dataLocation}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Button
            variant="subtle"
            size="compact-sm"
            mt="md"
            leftSection={<IconExternalLink size={14} aria-hidden />}
            onClick={() => void bridge.openExternal({ url: LEGAL_TERMS_URL })}
          >
            {t('pages.settings.legalLink')}
          </Button>
        </Card>
      </SimpleGrid>
    </>
  );
}
