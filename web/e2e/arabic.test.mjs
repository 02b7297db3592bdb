// A reader whose browser is in Arabic, on a 360 px phone: the app starts in Arabic, runs right to left with the
// chrome mirrored, fits the screen, passes axe-core, and says the server's refusals in Arabic.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, seriousViolations } from './support/browser.mjs';
import { contextIn, messagesOf } from './support/locale.mjs';
import { startPlatform } from './support/platform.mjs';

const run = Date.now().toString(36);
const password = 'correct horse battery staple';
const person = { name: 'سلمى الخوري', email: `salma-${run}@example.org` };
const organisation = 'جمعية مياه الجنوب';

describe('NetworkHub in Arabic on a phone', () => {
  let platform, browser, context, page, ar;

  before(async () => {
    ar = await messagesOf('ar');
    platform = await startPlatform();
    browser = await launchBrowser();
    context = await contextIn(browser, 'ar', { baseURL: platform.baseUrl, viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const heading = (name) => page.getByRole('heading', { level: 1, name });

  /** Right to left, mirrored, no sideways scrolling, no serious accessibility violations. */
  async function checkScreen(name) {
    const document = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      scrollWidth: document.documentElement.scrollWidth,
      brand: document.querySelector('.brand').getBoundingClientRect().right,
    }));
    assert.equal(document.lang, 'ar', name);
    assert.equal(document.dir, 'rtl', name);
    assert.ok(document.scrollWidth <= 360, `${name}: ${document.scrollWidth} px wide on a 360 px screen`);
    // The brand leads the header, so in a right-to-left page it sits at the right edge.
    assert.ok(document.brand > 300, `${name}: the brand ends at ${document.brand} px, not at the right edge`);
    assert.deepEqual(await seriousViolations(page), [], name);
    await screenshot(page, `arabic-${name}`);
  }

  it('starts in Arabic from the browser language and registers', async () => {
    await page.goto('/register');
    await heading(ar['auth.registerTitle']).waitFor();
    assert.equal(await page.getByLabel(ar['app.language']).inputValue(), 'ar');
    await checkScreen('register');

    await page.getByLabel(ar['auth.displayName'], { exact: true }).fill(person.name);
    await page.getByLabel(ar['auth.email'], { exact: true }).fill(person.email);
    await page.getByLabel(ar['auth.password'], { exact: true }).fill(password);
    await page.getByRole('button', { name: ar['auth.registerButton'] }).click();
    await heading(ar['spaces.title']).waitFor();
    await checkScreen('my-spaces');
  });

  it('says a refused sign-in in Arabic, then signs in', async () => {
    await page.getByRole('button', { name: ar['nav.signOut'] }).click();
    await heading(ar['auth.signInTitle']).waitFor();
    await page.getByLabel(ar['auth.email'], { exact: true }).fill(person.email);
    await page.getByLabel(ar['auth.password'], { exact: true }).fill('not the password at all');
    await page.getByRole('main').getByRole('button', { name: ar['auth.signInButton'] }).click();
    await page.getByRole('alert').getByText(ar['error.auth.invalid-credentials'], { exact: true }).waitFor();
    await checkScreen('sign-in-refused');

    await page.getByLabel(ar['auth.password'], { exact: true }).fill(password);
    await page.getByRole('main').getByRole('button', { name: ar['auth.signInButton'] }).click();
    await heading(ar['spaces.title']).waitFor();
  });

  it('creates an organisation and shows its page', async () => {
    await page.getByRole('link', { name: ar['spaces.createOrganisation'] }).click();
    await heading(ar['create.organisationTitle']).waitFor();
    await checkScreen('create-organisation');

    await page.getByLabel(ar['form.name'], { exact: true }).fill(organisation);
    await page.getByLabel(ar['form.country'], { exact: true }).selectOption({ label: 'لبنان' });
    await page.getByRole('button', { name: ar['form.create'], exact: true }).click();
    await heading(organisation).waitFor();
    await page.getByRole('navigation', { name: ar['space.tabs'] }).getByRole('link', { name: ar['space.overview'] }).waitFor();
    await page.getByText(ar['kind.organisation'], { exact: false }).first().waitFor();
    await checkScreen('organisation');
  });
});
