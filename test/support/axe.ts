/**
 * axe-core in a real page: its script evaluated in the page (through the DevTools protocol, so the
 * site's Content-Security-Policy, which allows no inline script, is left as it is), then run on the
 * whole document. Every violation is returned with the rule, what it asks for and where it fails,
 * so one assertion message says all that is wrong with a page.
 *
 * @example
 * const page = await browser.newPage();
 * await page.goto(url);
 * await assertAccessible(page, '/seasons/alms-2019-20');
 */
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeViolation {
  /** The axe rule, e.g. `color-contrast`. */
  readonly id: string;
  readonly impact: string;
  /** What the rule asks for, in a sentence. */
  readonly help: string;
  /** A CSS selector of each failing element, with axe's summary of why. */
  readonly nodes: readonly string[];
}

export interface AxeOptions {
  /** Selectors of parts left out of the check (something not ours, say). None by default. */
  readonly exclude?: readonly string[];
}

// WCAG 2.1 A and AA, and axe's own best practices (landmarks, one h1, …).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Every violation axe finds on the page as it is now. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ tags, exclude }) => {
      const context = exclude.length > 0 ? { exclude: exclude.map((s) => [s]) } : document;
      const results = await window.axe.run(context as never, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
      }));
    },
    { tags: TAGS, exclude: [...(options.exclude ?? [])] },
  );
}

/** The violations as lines to read in a test's failure message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  - ${n}`).join('\n')}`)
    .join('\n');
}

/** Fails with every violation listed when axe finds any; `label` names the page in the message. */
export async function assertAccessible(page: Page, label: string, options: AxeOptions = {}): Promise<void> {
  const violations = await axeViolations(page, options);
  assert.equal(violations.length, 0, `${label}: axe found ${violations.length}:\n${describeViolations(violations)}`);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}
