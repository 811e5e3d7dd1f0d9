/**
 * What the filters bar holds (form-friendly strings and lists) and its translation into the grid model's
 * `GridFilter`. Empty strings and empty lists mean "any"; a date input's text is used only once it is a
 * real ISO date, so a half-typed date never empties the grid.
 */
import type { AgingBucket } from '../../../shared/domain/aging';
import { isIsoDate } from '../../../shared/domain/dates';
import type { GridFilter, InvoiceStatus } from './invoice-grid-model';

export type FilterState = {
  readonly statuses: readonly InvoiceStatus[];
  readonly buckets: readonly AgingBucket[];
  readonly buyerId: string | null;
  readonly issueFrom: string;
  readonly issueTo: string;
  readonly dueFrom: string;
  readonly dueTo: string;
  readonly text: string;
};

export const EMPTY_FILTERS: FilterState = {
  statuses: [],
  buckets: [],
  buyerId: null,
  issueFrom: '',
  issueTo: '',
  dueFrom: '',
  dueTo: '',
  text: '',
};

export function toGridFilter(state: FilterState): GridFilter {
  const date = (text: string): string | undefined => (isIsoDate(text) ? text : undefined);
  const filter: {
    -readonly [K in keyof GridFilter]: GridFilter[K];
  } = {};
  if (state.statuses.length > 0) filter.statuses = new Set(state.statuses);
  if (state.buckets.length > 0) filter.buckets = new Set(state.buckets);
  if (state.buyerId !== null) filter.buyerId = state.buyerId;
  const issueFrom = date(state.issueFrom);
  const issueTo = date(state.issueTo);
  const dueFrom = date(state.dueFrom);
  const dueTo = date(state.dueTo);
  if (issueFrom !== undefined) filter.issueFrom = issueFrom;
  if (issueTo !== undefined) filter.issueTo = issueTo;
  if (dueFrom !== undefined) filter.dueFrom = dueFrom;
  if (dueTo !== undefined) filter.dueTo = dueTo;
  if (state.text.trim() !== '') filter.text = state.text.trim();
  return filter;
}

export function isFiltered(state: FilterState): boolean {
  return (
    state.statuses.length > 0 ||
    state.buckets.length > 0 ||
    state.buyerId !== null ||
    state.issueFrom !== '' ||
    state.issueTo !== '' ||
    state.dueFrom !== '' ||
    state.dueTo !== '' ||
    state.text !== ''
  );
}
