/**
 * Simulateur de prime: two tabs — the simulation (what insurance offers cost against the expected loss without
 * insurance) and the déclaration de chiffre d'affaires (the insured's periodic duty, computed from the ledger).
 */
import { Tabs } from '@mantine/core';
import { IconCalculator, IconReceiptTax } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { DeclarationTab } from './DeclarationTab';
import { SimulationTab } from './SimulationTab';

export function PremiumPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.premium.title')} subtitle={t('pages.premium.subtitle')} />
      <Tabs defaultValue="simulation" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="simulation" leftSection={<IconCalculator size={16} aria-hidden />}>
            {t('premium.tabs.simulation')}
          </Tabs.Tab>
          <Tabs.Tab value="declaration" leftSection={<IconReceiptTax size={16} aria-hidden />}>
            {t('turnover.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="simulation">
          <SimulationTab />
        </Tabs.Panel>
        <Tabs.Panel value="declaration">
          <DeclarationTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
