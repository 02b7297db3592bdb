// Debian's chromium driven by playwright-core (Playwright cannot download its own browsers here).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const artifacts = new URL('../artifacts/', import.meta.url).pathname;

export async function launchBrowser() {
  // Playwright gives each launch a new empty profile (--user-data-dir) of its own; one browser holds several
  // contexts, one per person. The flags keep chromium off the network it cannot reach from here.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  mkdirSync(artifacts, { recursive: true });
  return browser;
}

/** Runs axe-core in the page; returns the serious and critical violations, described for an assertion message. */
export async function seriousViolations(page) {
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's Content-Security-Policy
  // (rightly) refuses inline scripts, and the test must not weaken it to check accessibility.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** True when the page is wider than the viewport (horizontal scrolling). */
export async function overflowsHorizontally(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

export async function screenshot(page, name) {
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A browser context's storage as the app keeps a sign-in: `who` (token, expiresAt, personId) is signed in on load. */
export function signedIn(baseUrl, who) {
  return {
    cookies: [],
    origins: [{
      origin: baseUrl,
      localStorage: [{ name: 'networkhub.session', value: JSON.stringify({ token: who.token, expiresAt: who.expiresAt, personId: who.personId }) }],
    }],
  };
}
