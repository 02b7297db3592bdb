// Quality checks on the main screens of a seeded platform: axe-core, a 360 px screen, the keyboard alone.
// Screenshots of every screen go to e2e/artifacts; NETWORKHUB_UPDATE_SCREENSHOTS=1 refreshes docs/screenshots.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, overflowsHorizontally, screenshot, seriousViolations } from './support/browser.mjs';
import { startPlatform } from './support/platform.mjs';
import { seed } from './support/seed.mjs';

describe('Main screens', () => {
  let platform, browser, world;

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    world = await seed(platform.baseUrl);
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const signedIn = (options = {}) => browser.newContext({
    baseURL: platform.baseUrl, locale: 'en-GB', storageState: world.storageState(world.ana), ...options,
  });

  // Screens of a coordinator, each with the text that says it has finished loading.
  const screens = () => [
    { name: 'my-spaces', path: '/spaces', ready: 'Grupo de Incidencia' },
    { name: 'directory-organisations', path: '/directory/organisations', ready: 'Red de Tierras Comunales' },
    { name: 'organisation', path: world.urls.organisation, ready: 'Defensa de la tierra comunal.' },
    { name: 'organisation-manage', path: `${world.urls.organisation}/manage`, ready: 'Quisiera participar.' },
    { name: 'organisation-api-keys', path: `${world.urls.organisation}/api-keys`, ready: 'Reporting' },
    { name: 'coalition', path: world.urls.coalition, ready: world.layla.displayName },
    { name: 'coalition-audit', path: `${world.urls.coalition}/audit`, ready: 'member.joined' },
    { name: 'working-group', path: world.urls.workingGroup, ready: 'Incidencia ante el ministerio.' },
    { name: 'create-organisation', path: '/organisations/new', ready: 'Create an organisation' },
    { name: 'security', path: '/security', ready: 'Two-factor sign-in is off.' },
  ];

  it('has no serious or critical axe-core violations', async () => {
    const found = [];
    const anonymous = await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB' });
    const coordinator = await signedIn({ viewport: { width: 1024, height: 800 } });
    try {
      const visitor = await anonymous.newPage();
      for (const path of ['/sign-in', '/register', '/directory/coalitions']) {
        await visitor.goto(path);
        await visitor.getByRole('heading', { level: 1 }).waitFor();
        await visitor.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(visitor)).map((v) => `${path}: ${v}`));
      }
      const page = await coordinator.newPage();
      for (const screen of screens()) {
        await page.goto(screen.path);
        await page.getByText(screen.ready, { exact: true }).first().waitFor();
        found.push(...(await seriousViolations(page)).map((v) => `${screen.path}: ${v}`));
        await screenshot(page, screen.name);
      }
    } finally {
      await anonymous.close();
      await coordinator.close();
    }
    assert.deepEqual(found, []);
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    const phone = await signedIn({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    try {
      const small = await phone.newPage();
      const wide = [];
      for (const screen of screens()) {
        await small.goto(screen.path);
        await small.getByText(screen.ready, { exact: true }).first().waitFor();
        if (await overflowsHorizontally(small)) wide.push(screen.path);
        await screenshot(small, `${screen.name}-360`);
      }
      assert.deepEqual(wide, []);
      if (process.env.NETWORKHUB_UPDATE_SCREENSHOTS) {
        await small.goto('/directory/organisations');
        await small.getByText('شبكة المدافعات عن الأرض', { exact: true }).waitFor();
        const docs = new URL('../../docs/screenshots/', import.meta.url).pathname;
        mkdirSync(docs, { recursive: true });
        copyFileSync(await screenshot(small, 'directory-360'), `${docs}directory.png`);
      }
    } finally {
      await phone.close();
    }
  });

  it('works from the keyboard alone, with visible focus', async () => {
    const keyboard = await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB' });
    try {
      const page = await keyboard.newPage();
      await page.goto('/sign-in');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        return { text: el?.textContent?.trim() ?? '', id: el?.id ?? '', outline: el ? getComputedStyle(el).outlineStyle : 'none' };
      });

      await page.keyboard.press('Tab');
      const skip = await focused();
      assert.equal(skip.text, 'Skip to content');
      assert.notEqual(skip.outline, 'none', 'the focused link shows a focus outline');
      await page.keyboard.press('Enter');
      assert.equal((await focused()).id, 'main');

      await page.keyboard.press('Tab');
      await page.keyboard.type(world.kofi.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type('correct horse battery staple');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'My spaces' }).waitFor();
    } finally {
      await keyboard.close();
    }
  });
});
