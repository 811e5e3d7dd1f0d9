/**
 * The filters above the invoice grid: text, buyer, status, overdue bucket and dates. Dates are typed
 * JJ/MM/AAAA (`DateField`) and held as ISO once complete; a half-typed date stays text and filters nothing.
 */
import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '../../../shared/domain/aging';
import type { AgingBucket } from '../../../shared/domain/aging';
import { isIsoDate } from '../../../shared/domain/dates';
import { DateField } from '../../components/DateField';
import { INVOICE_STATUSES } from './invoice-grid-model';
import type { InvoiceStatus } from './invoice-grid-model';
import type { FilterState } from './invoice-filter-state';

function isStatus(value: string): value is InvoiceStatus {
  return INVOICE_STATUSES.some((status) => status === value);
}

/**
 * A date filter typed to its full length (« 31/02/2026 ») that is no real date is said so; shorter text is
 * a date still being typed, and stays quiet.
 */
function isBadDate(value: string): boolean {
  return value.trim().length >= 10 && !isIsoDate(value);
}

function isBucket(value: string): value is AgingBucket {
  return AGING_BUCKETS.some((bucket) => bucket === value);
}

export function InvoiceFiltersBar(props: {
  readonly state: FilterState;
  readonly buyers: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (patch: Partial<FilterState>) => void;
}) {
  const { t } = useTranslation();
  const { state, onChange } = props;
  return (
    <section aria-label={t('invoices.filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('invoices.filters.text')}
          placeholder={t('invoices.filters.textPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={state.text}
          onChange={(event) => {
            onChange({ text: event.currentTarget.value });
          }}
        />
        <Select
          label={t('invoices.filters.buyer')}
          placeholder={t('invoices.filters.buyerPlaceholder')}
          data={props.buyers}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t('invoices.filters.noBuyer')}
          value={state.buyerId}
          onChange={(value) => {
            onChange({ buyerId: value });
          }}
        />
        <MultiSelect
          label={t('invoices.filters.status')}
          placeholder={state.statuses.length === 0 ? t('invoices.filters.anyPlaceholder') : undefined}
          data={INVOICE_STATUSES.map((status) => ({ value: status, label: t(`invoices.status.${status}`) }))}
          value={[...state.statuses]}
          onChange={(values) => {
            onChange({ statuses: values.filter(isStatus) });
          }}
          clearable
        />
        <MultiSelect
          label={t('invoices.filters.bucket')}
          placeholder={state.buckets.length === 0 ? t('invoices.filters.anyPlaceholder') : undefined}
          data={AGING_BUCKETS.map((bucket) => ({ value: bucket, label: t(`invoices.buckets.${bucket}`) }))}
          value={[...state.buckets]}
          onChange={(values) => {
            onChange({ buckets: values.filter(isBucket) });
          }}
          clearable
        />
        <DateField
          label={t('invoices.filters.issueFrom')}
          value={state.issueFrom}
          error={isBadDate(state.issueFrom) ? t('invoices.filters.badDate') : undefined}
          onChange={(value) => {
            onChange({ issueFrom: value });
          }}
        />
        <DateField
          label={t('invoices.filters.issueTo')}
          value={state.issueTo}
          error={isBadDate(state.issueTo) ? t('invoices.filters.badDate') : undefined}
          onChange={(value) => {
            onChange({ issueTo: value });
          }}
        />
        <DateField
          label={t('invoices.filters.dueFrom')}
          value={state.dueFrom}
          error={isBadDate(state.dueFrom) ? t('invoices.filters.badDate') : undefined}
          onChange={(value) => {
            onChange({ dueFrom: value });
          }}
        />
        <DateField
          label={t('invoices.filters.dueTo')}
          value={state.dueTo}
          error={isBadDate(state.dueTo) ? t('invoices.filters.badDate') : undefined}
          onChange={(value) => {
            onChange({ dueTo: value });
          }}
        />
      </SimpleGrid>
    </section>
  );
}
