/**
 * The Clients list as plain data: one row per buyer joined with its stored aggregate, the search (accent-free
 * name or SIREN digits), the filters and the summary line. Pure, so that it is tested without a screen and
 * runs once per change of the inputs (10 000 buyers stay a few milliseconds).
 *
 * A buyer without a stored aggregate (just created, not refreshed yet) shows zeros: it owes nothing known.
 */
import type { BuyerAggregate, BuyerRow, LimitSource } from '../../../shared/commands/entities';
import { nameKeyOf } from '../../../shared/commands/entities';
import type { Cents } from '../../../shared/domain/types';

export type ClientRow = {
  readonly id: string;
  readonly name: string;
  readonly nameKey: string;
  readonly siren: string | undefined;
  readonly grade: number | undefined;
  readonly exposureCents: Cents;
  readonly limitCents: Cents;
  /** What the limit is (named, unnamed threshold…); undefined without a (current) stored aggregate. */
  readonly limitSource: LimitSource | undefined;
  readonly coveredCents: Cents;
  readonly uncoveredCents: Cents;
  readonly overdueCents: Cents;
  readonly criticalAlerts: number;
  readonly warningAlerts: number;
};

export const CLIENT_FILTERS = ['with-alerts', 'over-limit', 'no-cover', 'overdue'] as const;
export type ClientFilter = (typeof CLIENT_FILTERS)[number];

export function clientRowsOf(
  buyers: readonly BuyerRow[],
  aggregates: readonly BuyerAggregate[],
): ClientRow[] {
  const byBuyer = new Map<string, BuyerAggregate>();
  for (const aggregate of aggregates) byBuyer.set(aggregate.buyerId, aggregate);
  return buyers.map((buyer) => {
    const aggregate = byBuyer.get(buyer.id);
    return {
      id: buyer.id,
      name: buyer.name,
      nameKey: buyer.nameKey,
      siren: buyer.siren,
      grade: buyer.grade,
      exposureCents: aggregate?.exposureCents ?? 0,
      limitCents: aggregate?.limitCents ?? 0,
      limitSource: aggregate?.limitSource,
      coveredCents: aggregate?.coveredCents ?? 0,
      uncoveredCents: aggregate?.uncoveredCents ?? 0,
      overdueCents: aggregate?.overdueCents ?? 0,
      criticalAlerts: aggregate?.alertCounts.critical ?? 0,
      warningAlerts: aggregate?.alertCounts.warning ?? 0,
    };
  });
}

/** A search box's text → what rows are compared with: the name key, and the digits when it looks like a SIREN. */
export type ClientSearch = { readonly nameKey: string; readonly digits: string };

export function clientSearchOf(query: string): ClientSearch {
  const nameKey = nameKeyOf(query);
  // "732 829 320" is a SIREN typed with spaces: only digits, spaces, dots → compare digits with the SIREN.
  const digits = /^[\d\s.]+$/.test(query.trim()) ? query.replace(/\D/g, '') : '';
  return { nameKey, digits };
}

export function matchesSearch(row: ClientRow, search: ClientSearch): boolean {
  if (search.nameKey === '') return true;
  if (search.digits !== '' && row.siren?.includes(search.digits) === true) return true;
  return row.nameKey.includes(search.nameKey);
}

export function passesFilter(row: ClientRow, filter: ClientFilter): boolean {
  switch (filter) {
    case 'with-alerts':
      return row.criticalAlerts + row.warningAlerts > 0;
    case 'over-limit':
      // A limit of 0 (refused, none) is "Sans garantie", not "over the limit".
      return row.limitCents > 0 && row.exposureCents > row.limitCents;
    case 'no-cover':
      return row.exposureCents > 0 && row.coveredCents === 0;
    case 'overdue':
      return row.overdueCents > 0;
  }
}

/** Rows matching the search and ALL the filters, in input order. */
export function visibleRows(
  rows: readonly ClientRow[],
  search: ClientSearch,
  filters: readonly ClientFilter[],
): ClientRow[] {
  return rows.filter(
    (row) => matchesSearch(row, search) && filters.every((filter) => passesFilter(row, filter)),
  );
}

export type ClientsSummary = {
  readonly shown: number;
  readonly total: number;
  readonly exposureCents: Cents;
  readonly uncoveredCents: Cents;
};

export function summaryOf(shown: readonly ClientRow[], total: number): ClientsSummary {
  let exposureCents = 0;
  let uncoveredCents = 0;
  for (const row of shown) {
    exposureCents += row.exposureCents;
    uncoveredCents += row.uncoveredCents;
  }
  return { shown: shown.length, total, exposureCents, uncoveredCents };
}

/**
 * The exposure bar's geometry in % of its width: the scale is the larger of limit and exposure, so a buyer
 * over its limit shows the uncovered part running past the limit mark.
 */
export type ExposureBarGeometry = {
  readonly coveredPct: number;
  readonly uncoveredPct: number;
  /** Where the limit mark stands; `null` without a limit. */
  readonly limitPct: number | null;
};

export function exposureBarGeometry(row: {
  readonly coveredCents: Cents;
  readonly uncoveredCents: Cents;
  readonly limitCents: Cents;
}): ExposureBarGeometry {
  const scale = Math.max(row.limitCents, row.coveredCents + row.uncoveredCents);
  if (scale === 0) return { coveredPct: 0, uncoveredPct: 0, limitPct: null };
  return {
    coveredPct: (row.coveredCents / scale) * 100,
    uncoveredPct: (row.uncoveredCents / scale) * 100,
    limitPct: row.limitCents === 0 ? null : (row.limitCents / scale) * 100,
  };
}
