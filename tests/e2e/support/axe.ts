/**
 * Runs axe-core in a page that is already open. @axe-core/playwright's
 * AxeBuilder re-injects axe on every call and opens a blank page to merge
 * results; with 21+ pages × 4 variants that doubled the suite's run time. The
 * axe-core here is the one @axe-core/playwright itself depends on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = readFileSync(fromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

type Axe = {
  run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }>;
  getRules: (tags: string[]) => { ruleId: string; tags: string[] }[];
};

async function inject(page: Page) {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
}

/** Every rule among `tags`, or with `rules` only those rules (ids, as colourRules gives). */
export async function axeViolations(page: Page, tags: readonly string[] = AXE_TAGS, rules?: readonly string[]): Promise<AxeViolation[]> {
  await inject(page);
  return page.evaluate(
    async ({ values, only }) => {
      const axe = (window as unknown as { axe: Axe }).axe;
      const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values };
      const { violations } = await axe.run(document, { runOnly, resultTypes: ['violations'] });
      return violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary ?? '' })),
      }));
    },
    { values: [...tags], only: rules ? [...rules] : undefined },
  );
}

/** The rules among `tags` whose outcome depends on colours (axe's "cat.color" category: text contrast, links told apart by colour). */
export async function colourRules(page: Page, tags: readonly string[] = AXE_TAGS): Promise<string[]> {
  await inject(page);
  return page.evaluate(
    (values) =>
      (window as unknown as { axe: Axe }).axe
        .getRules(values)
        .filter((r) => r.tags.includes('cat.color'))
        .map((r) => r.ruleId),
    [...tags],
  );
}

/** One line per failing element, so a failed expectation reads as a to-do list. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1).join(' ').trim() || v.help}`),
  );
}
