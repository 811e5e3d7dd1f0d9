import { Badge, Text } from '@mantine/core';

/**
 * The insurer's risk grade, 1 (best) to 10 (worst). Colours are dark enough for white text to meet AA
 * contrast (the yellow band takes dark text through `autoContrast`).
 */
function colorOf(grade: number): string {
  if (grade <= 3) return 'teal.9';
  if (grade <= 6) return 'yellow.4';
  if (grade <= 8) return 'orange.9';
  return 'red.9';
}

export function GradeBadge({ grade }: { readonly grade: number | undefined }) {
  // The column header ("Note") names the figure; no aria-label on these role-less elements.
  if (grade === undefined) {
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Badge color={colorOf(grade)} autoContrast radius="sm" miw={28}>
      {grade}
    </Badge>
  );
}
