import { createTheme, Drawer, Modal, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import { PALETTE, SURFACES, themeVariables } from '../components/palette';

/**
 * A sober, dense theme for light and dark: system fonts (with CJK fallbacks), small radii, compact
 * tables — an ops tool, not a landing page. Shades are picked for contrast: links and filled buttons
 * use blue 8 (5:1 with white text; links in the dark theme are Mantine's blue 4, 6:1 on its body), and
 * `autoContrast` gives a filled button in a light colour dark text.
 */
const base = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  // Dark text on a filled colour whose luminance is above 0.18, white below: 0.18 is where both give
  // the same contrast (4.6:1), so every filled button passes AA (Mantine's default, 0.3, left white
  // text on teal 8 at 3.9:1 and orange 8 at 3.6:1).
  luminanceThreshold: 0.18,
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.375rem', lineHeight: '1.3' },
      h2: { fontSize: '1.125rem', lineHeight: '1.35' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    TextInput: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs' } },
    MultiSelect: { defaultProps: { size: 'xs' } },
  },
});

/**
 * The theme with words in the language on screen: dialogs and drawers get a named close button, and
 * their header is not announced as a second page banner (Mantine draws it as a <header> in <body>).
 */
export function createAppTheme(closeLabel: string): MantineThemeOverride {
  const dialogDefaults = {
    closeButtonProps: { 'aria-label': closeLabel },
    attributes: { header: { role: 'none' } },
  };
  return {
    ...base,
    components: {
      ...base.components,
      Modal: Modal.extend({ defaultProps: dialogDefaults }),
      Drawer: Drawer.extend({ defaultProps: dialogDefaults }),
    },
  };
}

/** The console's own `--ocp-…` colours (palette.ts) per theme, and Mantine's dimmed text made AA-readable. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...themeVariables('light'),
    '--mantine-color-dimmed': SURFACES.light.dimmed,
    '--mantine-color-error': PALETTE.light.FAILED.color,
  },
  dark: {
    ...themeVariables('dark'),
    '--mantine-color-dimmed': SURFACES.dark.dimmed,
    '--mantine-color-text': SURFACES.dark.text,
    '--mantine-color-error': PALETTE.dark.FAILED.color,
  },
});
