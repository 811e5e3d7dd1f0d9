/** The Encours look: a deep finance blue, Inter, calm surfaces. */
import {
  Drawer,
  Modal,
  Notification,
  createTheme,
  mergeThemeOverrides,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';

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

/**
 * Secondary ("dimmed") text one shade darker than Mantine's default, which fails WCAG AA contrast (4.5:1) on
 * white and on the gray-0 surfaces: gray.7 on white is 8.6:1, gray.7 on gray.0 8.2:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7] },
  dark: { '--mantine-color-dimmed': current.colors.dark[1] },
});

/**
 * The theme in one interface language: every close button Mantine draws by itself (notifications, modals,
 * drawers) gets a spoken name, which axe requires (button-name) and a screen-reader user needs.
 */
export function localizedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(theme, {
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}
