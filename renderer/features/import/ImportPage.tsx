/**
 * Import screen: choose a file (FEC or CSV, detected from its first line), map the CSV columns, follow the
 * import in the worker (progress, cancel), read the outcome (counts or rejected lines), and the history of
 * the workspace's imports. An import only adds or updates rows: nothing here deletes.
 */
import { Button, FileButton, Loader, Stack, Text } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { inspectFile, useImportRunner, useImports } from '../../data/import-hooks';
import type { ImportOutcome } from '../../data/import-hooks';
import { CsvMappingCard } from './CsvMappingCard';
import { ImportHistory } from './ImportHistory';
import { ImportProgressCard } from './ImportProgressCard';
import { ImportResultCard } from './ImportResultCard';

type Pending =
  | { readonly step: 'none' }
  | { readonly step: 'inspecting'; readonly fileName: string }
  | { readonly step: 'csv'; readonly file: File; readonly headers: readonly string[] }
  | { readonly step: 'unreadable'; readonly fileName: string; readonly outcome: ImportOutcome };

export function ImportPage() {
  const { t } = useTranslation();
  const imports = useImports();
  const runner = useImportRunner();
  const [pending, setPending] = useState<Pending>({ step: 'none' });
  const resetInput = useRef<() => void>(null);

  const choose = async (file: File | null): Promise<void> => {
    resetInput.current?.();
    if (file === null) return;
    runner.reset();
    setPending({ step: 'inspecting', fileName: file.name });
    const inspection = await inspectFile(file);
    if (inspection.kind === 'fec') {
      setPending({ step: 'none' });
      await runner.start(file, 'fec');
    } else if (inspection.kind === 'csv') setPending({ step: 'csv', file, headers: inspection.headers });
    else
      setPending({
        step: 'unreadable',
        fileName: file.name,
        outcome: { status: 'rejected', errors: inspection.errors },
      });
  };

  const isBusy = runner.state.status === 'running' || pending.step === 'inspecting';
  const chooser = (
    <FileButton
      onChange={(file) => void choose(file)}
      accept=".txt,.TXT,.csv,.CSV,text/plain,text/csv"
      resetRef={resetInput}
      disabled={isBusy}
      inputProps={{ 'aria-label': t('pages.import.flow.fileLabel') }}
    >
      {(props) => (
        <Button {...props} size="md" leftSection={<IconUpload size={18} aria-hidden />} disabled={isBusy}>
          {t('pages.import.flow.choose')}
        </Button>
      )}
    </FileButton>
  );

  const dismiss = (): void => {
    runner.reset();
    setPending({ step: 'none' });
  };

  let flow = null;
  if (runner.state.status === 'running')
    flow = (
      <ImportProgressCard
        fileName={runner.state.fileName}
        progress={runner.state.progress}
        onCancel={runner.cancel}
      />
    );
  else if (runner.state.status === 'finished')
    flow = (
      <ImportResultCard fileName={runner.state.fileName} outcome={runner.state.outcome} onDismiss={dismiss} />
    );
  else if (pending.step === 'inspecting')
    flow = (
      <Stack align="center" p="xl">
        <Loader />
        <Text c="dimmed">{t('pages.import.flow.inspecting')}</Text>
      </Stack>
    );
  else if (pending.step === 'csv') {
    const { file, headers } = pending;
    flow = (
      <CsvMappingCard
        fileName={file.name}
        headers={headers}
        onCancel={dismiss}
        onConfirm={(kind, mapping) => {
          setPending({ step: 'none' });
          void runner.start(file, kind, mapping);
        }}
      />
    );
  } else if (pending.step === 'unreadable')
    flow = <ImportResultCard fileName={pending.fileName} outcome={pending.outcome} onDismiss={dismiss} />;

  return (
    <>
      <PageHeader
        title={t('pages.import.title')}
        subtitle={t('pages.import.subtitle')}
        actions={
          <Stack gap={4} align="flex-end">
            {chooser}
            <Text size="xs" c="dimmed">
              {t('pages.import.flow.chooseHelp')}
            </Text>
          </Stack>
        }
      />
      <Stack gap="xl">
        {flow}
        {imports !== undefined && imports.length === 0 && flow === null && (
          <FeatureEmptyState page="import" icon={IconFileImport} />
        )}
        {imports !== undefined && imports.length > 0 && <ImportHistory imports={imports} />}
      </Stack>
    </>
  );
}
