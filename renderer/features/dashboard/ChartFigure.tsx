import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import type { ReactNode } from 'react';

export type ChartRow = { readonly key: string; readonly label: string; readonly values: readonly string[] };

/**
 * A chart with its text alternative: the drawing is hidden from assistive technologies, which read the
 * caption and a visually hidden table of the same figures instead (recharts' SVG carries no usable text).
 */
export function ChartFigure({
  caption,
  headers,
  rows,
  height,
  children,
}: {
  caption: string;
  /** Column headers of the hidden table: the row header's first, then one per value. */
  headers: readonly string[];
  rows: readonly ChartRow[];
  height: number;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <figure aria-labelledby={captionId} style={{ margin: 0 }}>
      <div aria-hidden="true" style={{ height }}>
        {children}
      </div>
      <Text component="figcaption" id={captionId} size="xs" c="dimmed" mt="xs">
        {caption}
      </Text>
      <VisuallyHidden>
        <Table>
          <caption>{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {headers.map((header) => (
                <Table.Th key={header} scope="col">
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row">{row.label}</Table.Th>
                {row.values.map((value, index) => (
                  <Table.Td key={index}>{value}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
