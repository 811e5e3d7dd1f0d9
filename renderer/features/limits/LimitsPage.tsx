/**
 * « Limites & alertes »: the alert centre (default tab) and the buyers' limits, with the form to record a
 * limit request or an insurer's decision. `?buyer=<id>&action=decision` opens the form for that buyer (the
 * buyer page links with it); `?tab=limits` opens the second tab.
 */
import { Button, Loader, Modal, Tabs } from '@mantine/core';
import { IconBell, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';
import { PageHeader } from '../../components/PageHeader';
import { useBuyers } from '../../data/hooks';
import { AlertCentre } from './AlertCentre';
import { notify } from './notify';
import { LimitDecisionForm } from './LimitDecisionForm';
import { LimitsTable } from './LimitsTable';

export function LimitsPage() {
  const { t } = useTranslation();
  const buyers = useBuyers();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'limits' ? 'limits' : 'alerts';
  const isFormOpen = params.get('action') === 'decision';
  const formBuyer = params.get('buyer') ?? '';

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const openForm = (buyerId: string | null) => {
    update({ action: 'decision', buyer: buyerId });
  };
  const closeForm = () => {
    update({ action: null, buyer: null });
  };

  if (buyers === undefined) return <Loader m="xl" aria-label={t('pages.limits.title')} />;
  if (buyers.length === 0)
    return <FeatureEmptyPage page="limits" icon={IconShieldCheck} leadsToImport={true} />;

  return (
    <>
      <PageHeader
        title={t('pages.limits.title')}
        subtitle={t('pages.limits.subtitle')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              openForm(null);
            }}
          >
            {t('limitForm.open')}
          </Button>
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          update({ tab: value === 'limits' ? 'limits' : null });
        }}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="alerts" leftSection={<IconBell size={16} aria-hidden />}>
            {t('alertCentre.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="limits" leftSection={<IconShieldCheck size={16} aria-hidden />}>
            {t('limitForm.table.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="alerts">
          <AlertCentre />
        </Tabs.Panel>
        <Tabs.Panel value="limits">
          <LimitsTable
            onDecide={(buyerId) => {
              openForm(buyerId);
            }}
          />
        </Tabs.Panel>
      </Tabs>
      <Modal
        opened={isFormOpen}
        onClose={closeForm}
        title={t('limitForm.title')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('alertCentre.close') }}
      >
        {isFormOpen ? (
          <LimitDecisionForm
            key={formBuyer}
            prefill={{ buyerId: formBuyer }}
            onCancel={closeForm}
            onSaved={(name) => {
              notify(t('limitForm.saved', { name }));
              closeForm();
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
