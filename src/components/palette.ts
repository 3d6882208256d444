import type { SubtaskStatus } from '../api/schemas';

/**
 * The console's colours for both themes, published as CSS variables (`--ocp-…`, see app/theme.ts) so
 * the DOM follows a theme switch on its own. Each status colour is also the text colour of its label
 * on its tint: every pair below reads at 4.5:1 or better (WCAG AA for text), checked by palette.test.ts.
 */
export type Tone = SubtaskStatus | 'ROLLBACK' | 'SKIPPED';

export interface ToneColors {
  /** Text, borders, fills. */
  color: string;
  /** Background behind text in `color`. */
  tint: string;
}

export const PALETTE: Record<'light' | 'dark', Record<Tone, ToneColors>> = {
  light: {
    PENDING: { color: '#5c636a', tint: '#f1f3f5' },
    READY: { color: '#0b7285', tint: '#e3fafc' },
    RUNNING: { color: '#1554d1', tint: '#e7f0ff' },
    CANCELING: { color: '#b8480a', tint: '#fff4e6' },
    FAILED: { color: '#c92a2a', tint: '#fff5f5' },
    SUCCESSFUL: { color: '#087f5b', tint: '#e6fcf5' },
    ROLLBACK: { color: '#6741d9', tint: '#f3f0ff' },
    SKIPPED: { color: '#9c36b5', tint: '#f8f0fc' },
  },
  dark: {
    PENDING: { color: '#adb5bd', tint: '#2c2e33' },
    READY: { color: '#3bc9db', tint: '#0f2e33' },
    RUNNING: { color: '#74a8ff', tint: '#16254a' },
    CANCELING: { color: '#ff922b', tint: '#3a2411' },
    FAILED: { color: '#ff8787', tint: '#3d1a1c' },
    SUCCESSFUL: { color: '#38d9a9', tint: '#0e3329' },
    ROLLBACK: { color: '#b197fc', tint: '#2a2145' },
    SKIPPED: { color: '#e599f7', tint: '#35183d' },
  },
};

/** Surfaces and text that are not a status. */
export const SURFACES = {
  light: {
    page: '#f8f9fa',
    surface: '#ffffff',
    text: '#212529',
    dimmed: '#5c636a',
    border: '#dee2e6',
    edge: '#868e96',
    focus: '#1971c2',
    overlay: 'rgba(255, 255, 255, 0.94)',
  },
  dark: {
    page: '#1a1b1e',
    surface: '#242424',
    text: '#e9ecef',
    dimmed: '#a6a7ab',
    border: '#3b3d42',
    edge: '#8c8f96',
    focus: '#74c0fc',
    overlay: 'rgba(36, 36, 36, 0.94)',
  },
} as const;

const slug = (tone: Tone) => tone.toLowerCase();

/** `var(--ocp-status-failed)`: the tone's colour in whichever theme is on. */
export const toneColorVar = (tone: Tone) => `var(--ocp-status-${slug(tone)})`;
export const toneTintVar = (tone: Tone) => `var(--ocp-status-${slug(tone)}-tint)`;

/** Every `--ocp-…` variable of one theme. */
export function themeVariables(scheme: 'light' | 'dark'): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [tone, { color, tint }] of Object.entries(PALETTE[scheme]) as [Tone, ToneColors][]) {
    vars[`--ocp-status-${slug(tone)}`] = color;
    vars[`--ocp-status-${slug(tone)}-tint`] = tint;
  }
  for (const [name, value] of Object.entries(SURFACES[scheme])) vars[`--ocp-${name}`] = value;
  return vars;
}
