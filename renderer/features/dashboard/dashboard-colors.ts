/** The dashboard's chart colours, from the theme: navy for covered / current, red for uncovered / late. */
import type { MantineTheme } from '@mantine/core';
import type { AgingBucket } from '../../../shared/domain/aging';

export type DashboardColors = {
  readonly covered: string;
  readonly uncovered: string;
  readonly line: string;
  readonly grid: string;
  readonly axis: string;
  readonly aging: Readonly<Record<AgingBucket, string>>;
};

export function dashboardColors(theme: MantineTheme): DashboardColors {
  const navy = theme.colors['navy'] ?? theme.colors.blue;
  return {
    covered: navy[7],
    uncovered: theme.colors.red[7],
    line: navy[7],
    grid: theme.colors.gray[3],
    axis: theme.colors.gray[7],
    aging: {
      notDue: navy[7],
      days1To30: theme.colors.yellow[6],
      days31To60: theme.colors.orange[6],
      days61To90: theme.colors.red[6],
      over90: theme.colors.red[9],
    },
  };
}
