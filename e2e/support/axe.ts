import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What axe found, one line per rule: "color-contrast ×3 (serious): .badge, .node …". */
export interface AxeSummary {
  count: number;
  lines: string[];
}

/**
 * Runs axe-core (every WCAG 2.0–2.2 A/AA rule plus axe's best practices, e.g. landmark-unique) on the
 * page as it is now, including open dialogs and portals.
 *
 * In axe's "legacy" mode: `axe.run` in the page itself. The default mode runs each frame's part and then
 * opens a blank page to merge them, for cross-origin iframes, which the console has none of; that blank
 * page cost ~2.5 s of the ~5 s an analysis took here (2.2 s in legacy mode, same rules, same findings).
 */
export async function axeSummary(page: Page, rules?: readonly string[]): Promise<AxeSummary> {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (rules) builder.withRules([...rules]);
  const results = await builder.analyze();
  const lines = results.violations.map(
    (v) =>
      `${v.id} ×${v.nodes.length} (${v.impact ?? 'n/a'}): ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 4 ? ', …' : ''}`,
  );
  const count = results.violations.reduce((sum, v) => sum + v.nodes.length, 0);
  return { count, lines };
}

/**
 * The rules whose outcome depends on colours alone. The themes change colours and nothing else (the same
 * DOM, names and roles), so a state checked with every rule in one theme needs only these in the other.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * Fails with axe's findings listed when the page has any violation. `context` names the state checked
 * ("task 1001, panel open, dark, zh-CN") so a failure says where.
 */
export async function expectNoAxeViolations(page: Page, context: string, rules?: readonly string[]): Promise<void> {
  const { lines } = await axeSummary(page, rules);
  expect(lines, `axe violations on ${context}`).toEqual([]);
}
