import { Card, Group, Title } from '@mantine/core';
import { useId } from 'react';
import type { ReactNode } from 'react';

/** One card of the dashboard grid: an h2 title (naming the region), an optional action, the content. */
export function DashboardCard({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card component="section" aria-labelledby={titleId} withBorder padding="lg" radius="md" h="100%">
      <Group justify="space-between" align="baseline" mb="md" wrap="nowrap">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}
