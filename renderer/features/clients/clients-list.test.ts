import { describe, expect, it } from 'vitest';
import { clientSearchOf, exposureBarGeometry, passesFilter, summaryOf, visibleRows } from './clients-list';
import type { ClientRow } from './clients-list';

function row(partial: Partial<ClientRow> & Pick<ClientRow, 'id' | 'name' | 'nameKey'>): ClientRow {
  return {
    siren: undefined,
    grade: undefined,
    exposureCents: 0,
    limitCents: 0,
    limitSource: undefined,
    coveredCents: 0,
    uncoveredCents: 0,
    overdueCents: 0,
    criticalAlerts: 0,
    warningAlerts: 0,
    ...partial,
  };
}

const ROWS = [
  row({
    id: 'a',
    name: 'Élan Côté',
    nameKey: 'elan cote',
    siren: '732829320',
    exposureCents: 500,
    limitCents: 400,
    coveredCents: 400,
    uncoveredCents: 100,
    criticalAlerts: 1,
  }),
  row({
    id: 'b',
    name: 'Bérard',
    nameKey: 'berard',
    exposureCents: 300,
    limitCents: 1000,
    coveredCents: 300,
    overdueCents: 300,
    warningAlerts: 2,
  }),
  row({
    id: 'c',
    name: 'Martin',
    nameKey: 'martin',
    siren: '443061841',
    exposureCents: 200,
    uncoveredCents: 200,
  }),
  row({ id: 'd', name: 'Zeta', nameKey: 'zeta' }),
];

const ids = (rows: readonly ClientRow[]) => rows.map((r) => r.id);

describe('clients list', () => {
  it('searches names without accents or case, and SIREN digits typed with spaces', () => {
    expect(ids(visibleRows(ROWS, clientSearchOf('ÉLAN cote'), []))).toEqual(['a']);
    expect(ids(visibleRows(ROWS, clientSearchOf('berard'), []))).toEqual(['b']);
    expect(ids(visibleRows(ROWS, clientSearchOf('443 061'), []))).toEqual(['c']);
    expect(ids(visibleRows(ROWS, clientSearchOf('  '), []))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters: alerts, over the limit, without cover, overdue — and combines them', () => {
    expect(ids(ROWS.filter((r) => passesFilter(r, 'with-alerts')))).toEqual(['a', 'b']);
    // Only "a" has exposure (500) above a non-zero limit (400); "c" has no limit at all.
    expect(ids(ROWS.filter((r) => passesFilter(r, 'over-limit')))).toEqual(['a']);
    expect(ids(ROWS.filter((r) => passesFilter(r, 'no-cover')))).toEqual(['c']);
    expect(ids(ROWS.filter((r) => passesFilter(r, 'overdue')))).toEqual(['b']);
    expect(ids(visibleRows(ROWS, clientSearchOf(''), ['with-alerts', 'overdue']))).toEqual(['b']);
  });

  it('sums the summary over the rows shown', () => {
    // 500 + 300 + 200 + 0 = 1000 exposure; 100 + 0 + 200 + 0 = 300 uncovered.
    expect(summaryOf(ROWS, 10)).toEqual({ shown: 4, total: 10, exposureCents: 1000, uncoveredCents: 300 });
  });

  it('draws the bar on the larger of limit and exposure', () => {
    // Scale 500: covered 400/500 = 80 %, uncovered 100/500 = 20 %, limit mark at 400/500 = 80 %.
    expect(exposureBarGeometry(ROWS[0]!)).toEqual({ coveredPct: 80, uncoveredPct: 20, limitPct: 80 });
    // Scale 1000 (the limit): covered 30 %, nothing uncovered, mark at the end.
    expect(exposureBarGeometry(ROWS[1]!)).toEqual({ coveredPct: 30, uncoveredPct: 0, limitPct: 100 });
    expect(exposureBarGeometry(ROWS[3]!)).toEqual({ coveredPct: 0, uncoveredPct: 0, limitPct: null });
  });
});
