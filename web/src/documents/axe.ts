// axe-core over a rendered screen in the component tests: the rules jsdom can judge (labels, names, roles, ARIA,
// headings, lists), not colour contrast, which needs a real layout and is the browser tests' part.
import axe from 'axe-core';
import { expect } from 'vitest';

export async function expectAccessible(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}
