/**
 * « Diagnostic d'un prospect »: a broker chooses a prospect's FEC, names the new client workspace (default
 * from the FEC's SIREN, else its file name), and the file is imported into that NEW workspace through the
 * app's import worker; the open workspace is not touched. The page then shows the receivables diagnostic,
 * computed by the same pure `diagnose` as `encours diagnose` with the default policy as of today — so the
 * figures equal those of `encours diagnose <file> --as-of <today>`. « Ouvrir ce dossier » switches to it.
 *
 * The diagnostic is computed from the file before the import starts (the worker takes the bytes), so a
 * rejected file creates nothing and says which lines are wrong.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Loader,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { FileButton } from '@mantine/core';
import { IconArrowRight, IconFileSearch, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnose, fecReceivablesOf } from '../../../shared/diagnose/diagnose';
import type { Diagnosis } from '../../../shared/diagnose/diagnose';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import type { LocalizedText } from '../../../shared/domain/types';
import { importErrorMessage } from '../../../shared/import/import-errors';
import type { ImportCounts, ImportProgress, RejectedLine } from '../../data/import-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { useProspectImport, useWorkspaceActions } from '../../data/workspaces-hooks';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { DiagnosisView } from './DiagnosisView';

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly fileName: string }
  | { readonly step: 'rejected'; readonly fileName: string; readonly errors: readonly RejectedLine[] }
  | { readonly step: 'failed'; readonly message: LocalizedText }
  | {
      readonly step: 'chosen';
      readonly file: File;
      readonly diagnosis: Diagnosis;
      readonly name: string;
    }
  | {
      readonly step: 'importing';
      readonly file: File;
      readonly diagnosis: Diagnosis;
      readonly name: string;
      readonly progress?: ImportProgress;
    }
  | {
      readonly step: 'done';
      readonly diagnosis: Diagnosis;
      readonly workspaceId: string;
      readonly name: string;
      readonly counts: ImportCounts;
    };

const SHOWN_ERRORS = 20;

/** Lets the screen paint « Lecture du fichier… » before the synchronous parse. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function DiagnosticPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { today } = useWorkspace();
  const importProspect = useProspectImport();
  const { open } = useWorkspaceActions();
  const [state, setState] = useState<State>({ step: 'idle' });
  const resetInput = useRef<() => void>(null);

  const choose = async (file: File | null): Promise<void> => {
    resetInput.current?.();
    if (file === null) return;
    setState({ step: 'reading', fileName: file.name });
    await nextFrame();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = fecReceivablesOf(bytes, file.name);
    if (!read.ok) {
      const errors = read.errors.map((error): RejectedLine => ({
        code: error.code,
        ...(error.line === undefined ? {} : { line: error.line }),
        message: { fr: importErrorMessage(error, 'fr'), en: importErrorMessage(error, 'en') },
      }));
      setState({ step: 'rejected', fileName: file.name, errors });
      return;
    }
    const diagnosis = diagnose(read.receivables, DEFAULT_POLICY, today);
    const siren = diagnosis.company.siren;
    const stem = file.name.replace(/\.[^.]*$/, '');
    const name =
      siren === undefined
        ? t('diagnostic.defaultNameFile', { file: stem })
        : t('diagnostic.defaultNameSiren', { siren });
    setState({ step: 'chosen', file, diagnosis, name });
  };

  const start = async (chosen: Extract<State, { step: 'chosen' }>): Promise<void> => {
    const name = chosen.name.trim() === '' ? chosen.file.name : chosen.name.trim();
    setState({ ...chosen, step: 'importing', name });
    const outcome = await importProspect(chosen.file, name, chosen.diagnosis.company.siren, (progress) => {
      setState({ ...chosen, step: 'importing', name, progress });
    });
    if (outcome.status === 'imported')
      setState({
        step: 'done',
        diagnosis: chosen.diagnosis,
        workspaceId: outcome.workspaceId,
        name: outcome.name,
        counts: outcome.counts,
      });
    else if (outcome.status === 'rejected')
      setState({ step: 'rejected', fileName: chosen.file.name, errors: outcome.errors });
    else setState({ step: 'failed', message: outcome.message });
  };

  const isBusy = state.step === 'reading' || state.step === 'importing';
  const chooser = (label: string, variant: 'filled' | 'default') => (
    <FileButton
      onChange={(file) => void choose(file)}
      accept=".txt,.TXT,.csv,.CSV,text/plain"
      resetRef={resetInput}
      disabled={isBusy}
      inputProps={{ 'aria-label': t('diagnostic.fileLabel') }}
    >
      {(props) => (
        <Button
          {...props}
          variant={variant}
          leftSection={<IconUpload size={18} aria-hidden />}
          disabled={isBusy}
        >
          {label}
        </Button>
      )}
    </FileButton>
  );

  let body;
  if (state.step === 'idle' || state.step === 'reading') {
    body = (
      <Card withBorder radius="lg" padding="xl">
        <Stack gap="md" align="flex-start" maw={720}>
          <Group gap="sm" wrap="nowrap">
            <IconFileSearch size={28} stroke={1.6} aria-hidden color="var(--mantine-color-navy-6)" />
            <Title order={2} size="h4">
              {t('diagnostic.emptyTitle')}
            </Title>
          </Group>
          <Text size="sm">{t('diagnostic.emptyBody')}</Text>
          {chooser(t('diagnostic.choose'), 'filled')}
          {state.step === 'reading' && (
            <Group gap="xs" aria-live="polite">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('diagnostic.reading')}
              </Text>
            </Group>
          )}
        </Stack>
      </Card>
    );
  } else if (state.step === 'rejected') {
    body = (
      <Stack gap="md">
        <Alert color="red" variant="light" title={t('diagnostic.rejectedTitle')} role="alert">
          <Stack gap="xs">
            <Text size="sm">
              {t('diagnostic.chosen', { file: state.fileName })} —{' '}
              {t('diagnostic.rejectedBody', { count: state.errors.length })}
            </Text>
            <List size="sm" spacing={2} data-testid="diagnostic-errors">
              {state.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                <List.Item key={`${error.line ?? 0}-${index}`}>{error.message[lang]}</List.Item>
              ))}
            </List>
            {state.errors.length > SHOWN_ERRORS && (
              <Text size="sm">
                {t('diagnostic.moreErrors', { count: state.errors.length - SHOWN_ERRORS })}
              </Text>
            )}
          </Stack>
        </Alert>
        <Group>{chooser(t('diagnostic.otherFile'), 'default')}</Group>
      </Stack>
    );
  } else if (state.step === 'failed') {
    body = (
      <Stack gap="md">
        <Alert color="red" variant="light" title={t('diagnostic.failedTitle')} role="alert">
          {state.message[lang]}
        </Alert>
        <Group>{chooser(t('diagnostic.otherFile'), 'default')}</Group>
      </Stack>
    );
  } else if (state.step === 'chosen' || state.step === 'importing') {
    const company = state.diagnosis.company;
    const progress = state.step === 'importing' ? state.progress : undefined;
    body = (
      <Card withBorder radius="lg" padding="xl">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (state.step === 'chosen') void start(state);
          }}
        >
          <Stack gap="md" maw={640}>
            <Text size="sm" fw={500}>
              {[
                t('diagnostic.chosen', { file: state.file.name }),
                ...(company.siren === undefined ? [] : [t('diagnostic.siren', { siren: company.siren })]),
                ...(company.closingDate === undefined
                  ? []
                  : [t('diagnostic.closing', { date: formatDate(company.closingDate) })]),
              ].join(' · ')}
            </Text>
            <TextInput
              label={t('diagnostic.nameLabel')}
              value={state.name}
              disabled={state.step === 'importing'}
              onChange={(event) => {
                if (state.step === 'chosen') setState({ ...state, name: event.currentTarget.value });
              }}
            />
            {state.step === 'importing' && (
              <Stack gap={4} aria-live="polite">
                <Text size="sm" c="dimmed">
                  {t('diagnostic.importing')}
                </Text>
                <Progress
                  value={
                    progress === undefined || progress.total === 0
                      ? 5
                      : (100 * progress.done) / progress.total
                  }
                  aria-label={t('diagnostic.importing')}
                  animated
                />
              </Stack>
            )}
            <Group>
              <Button
                type="submit"
                loading={state.step === 'importing'}
                rightSection={<IconArrowRight size={16} aria-hidden />}
              >
                {t('diagnostic.start')}
              </Button>
              {chooser(t('diagnostic.otherFile'), 'default')}
            </Group>
          </Stack>
        </form>
      </Card>
    );
  } else {
    const { counts } = state;
    body = (
      <Stack gap="lg">
        <Card withBorder radius="lg" padding="lg" bg="var(--mantine-color-teal-light)">
          <Group justify="space-between" wrap="wrap" gap="md">
            <Stack gap={2}>
              <Title order={2} size="h4">
                {t('diagnostic.doneTitle', { name: state.name })}
              </Title>
              <Text size="sm">
                {t('diagnostic.doneBody', {
                  buyers: counts.buyers.created,
                  invoices: counts.invoices.created,
                  date: formatDate(state.diagnosis.asOf),
                })}
              </Text>
            </Stack>
            <Group gap="sm">
              {chooser(t('diagnostic.another'), 'default')}
              <Button
                rightSection={<IconArrowRight size={16} aria-hidden />}
                onClick={() => {
                  open(state.workspaceId);
                }}
              >
                {t('diagnostic.openWorkspace')}
              </Button>
            </Group>
          </Group>
        </Card>
        <DiagnosisView diagnosis={state.diagnosis} />
      </Stack>
    );
  }

  return (
    <>
      <PageHeader title={t('pages.diagnostic.title')} subtitle={t('pages.diagnostic.subtitle')} />
      {body}
    </>
  );
}
