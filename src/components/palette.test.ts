import { describe, expect, it } from 'vitest';
import { PALETTE, SURFACES, type Tone } from './palette';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe.each(['light', 'dark'] as const)('the %s palette', (scheme) => {
  const tones = Object.entries(PALETTE[scheme]) as [Tone, { color: string; tint: string }][];
  const s = SURFACES[scheme];

  it.each(tones)('%s reads at 4.5:1 on its tint, the page and the surface', (_tone, { color, tint }) => {
    expect(contrast(color, tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(color, s.page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(color, s.surface)).toBeGreaterThanOrEqual(4.5);
    // Node names and details are written in the text colours on the tint.
    expect(contrast(s.text, tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(s.dimmed, tint)).toBeGreaterThanOrEqual(4.5);
  });

  it('has text and dimmed text readable on the page and the surface', () => {
    for (const bg of [s.page, s.surface]) {
      expect(contrast(s.text, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(s.dimmed, bg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the six subtask statuses apart', () => {
    const colors = tones.filter(([t]) => t !== 'ROLLBACK' && t !== 'SKIPPED').map(([, c]) => c.color);
    expect(new Set(colors).size).toBe(6);
  });
});
