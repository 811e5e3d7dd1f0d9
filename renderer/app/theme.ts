/** The Encours look: a deep finance blue, Inter, calm surfaces. */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const navy: MantineColorsTuple = [
  '#eaf2fb',
  '#d3e1f2',
  '#a3c0e4',
  '#709dd6',
  '#4780ca',
  '#2e6dc3',
  '#2163c1',
  '#1c4e80',
  '#15456f',
  '#0b3a5f',
];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 7, dark: 5 },
  colors: { navy },
  fontFamily: "'Inter Variable', 'Segoe UI', system-ui, sans-serif",
  headings: { fontFamily: "'Inter Variable', 'Segoe UI', system-ui, sans-serif", fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
});
