/**
 * Accessibility check of the screen as it stands: axe-core's WCAG 2.1 A/AA rules, failing on any violation
 * of "serious" or "critical" impact, each named with the elements it found.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectNoSeriousA11yViolations(page: Page, context: string): Promise<void> {
  expect(await seriousA11yViolations(page), `serious accessibility violations on ${context}`).toEqual([]);
}

/** The serious and critical violations, one line each (rule, impact, help, first elements). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}
