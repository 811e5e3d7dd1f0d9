import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pathOf, type PageId } from '../app/navigation';
import { FeatureEmptyState } from './FeatureEmptyState';
import { PageHeader } from './PageHeader';

/** A screen that has no data yet: its title, and the empty state that says what to do first. */
export function FeatureEmptyPage({
  page,
  icon,
  leadsToImport,
}: {
  page: PageId;
  icon: Icon;
  leadsToImport: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`pages.${page}.title`)} subtitle={t(`pages.${page}.subtitle`)} />
      <FeatureEmptyState
        page={page}
        icon={icon}
        action={leadsToImport ? { label: t('common.goToImport'), to: pathOf('import') } : undefined}
      />
    </>
  );
}
