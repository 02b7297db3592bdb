// Browser tests against the real platform, through the screens a person uses: accounts, spaces, the directory,
// an invitation across two people, a join request, API keys, the audit log and Spanish. Steps build on each other.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot } from './support/browser.mjs';
import { startPlatform } from './support/platform.mjs';

const run = Date.now().toString(36);
const password = 'correct horse battery staple';
const ana = { name: 'Ana Coordinator', email: `ana-${run}@example.org` };
const layla = { name: 'ليلى حسن', email: `layla-${run}@example.org` };
const organisation = 'Red de Tierras Comunales';
const arabicOrganisation = 'شبكة المدافعات عن الأرض';
const coalition = 'Coalición por el Agua';
const kofi = { name: 'Kofi Mensah', email: `kofi-${run}@example.org` };
const workingGroup = 'Grupo de Incidencia';
const forum = 'Foro Regional del Agua';

describe('NetworkHub in the browser', () => {
  let platform, browser, coordinator, page;
  const urls = {};

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    coordinator = await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB', viewport: { width: 1024, height: 800 } });
    page = await coordinator.newPage();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const heading = (p, name) => p.getByRole('heading', { level: 1, name });

  it('registers, signs out and signs in again', async () => {
    await page.goto('/register');
    await page.getByLabel('Your name').fill(ana.name);
    await page.getByLabel('E-mail address').fill(ana.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading(page, 'My spaces').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('E-mail address').fill(ana.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'My spaces').waitFor();
  });

  it('creates organisations, a coalition, and a working group and a forum in it', async () => {
    await page.getByRole('link', { name: 'Create an organisation' }).click();
    await page.getByLabel('Name').fill(organisation);
    await page.getByLabel('Country').selectOption({ label: 'Colombia' });
    await page.getByLabel('Topics (optional)').fill('land rights, water');
    await page.getByRole('button', { name: 'Create' }).click();
    await heading(page, organisation).waitFor();
    urls.organisation = new URL(page.url()).pathname;
    assert.match(urls.organisation, /^\/organisations\/[0-9a-f-]{36}$/);

    await page.goto('/organisations/new');
    await page.getByLabel('Name').fill(arabicOrganisation);
    await page.getByLabel('Kind').selectOption({ label: 'Network secretariat' });
    await page.getByLabel('Country').selectOption({ label: 'Lebanon' });
    await page.getByLabel('Topics (optional)').fill('land rights');
    await page.getByRole('button', { name: 'Create' }).click();
    const title = heading(page, arabicOrganisation);
    await title.waitFor();
    assert.equal(await title.evaluate((el) => getComputedStyle(el).direction), 'rtl', 'an Arabic title runs right to left');

    await page.goto('/coalitions/new');
    await page.getByLabel('Name').fill(coalition);
    await page.getByLabel('Charter (optional)').fill('Agua para todas las comunidades.\nالماء حق للجميع.');
    await page.getByLabel('Country').selectOption({ label: 'Senegal' });
    await page.getByLabel('Topics (optional)').fill('water');
    await page.getByRole('button', { name: 'Create' }).click();
    await heading(page, coalition).waitFor();
    urls.coalition = new URL(page.url()).pathname;

    const groups = page.getByRole('region', { name: 'Working groups' });
    await groups.getByText('Create a working group').click();
    await groups.getByLabel('Name').fill(workingGroup);
    await groups.getByLabel('Purpose (optional)').fill('Incidencia ante el ministerio.');
    await groups.getByRole('button', { name: 'Create' }).click();
    await heading(page, workingGroup).waitFor();
    await page.getByRole('link', { name: coalition }).click();
    const forums = page.getByRole('region', { name: 'Forums' });
    await forums.getByText('Create a forum').click();
    await forums.getByLabel('Name').fill(forum);
    await forums.getByRole('button', { name: 'Create' }).click();
    await heading(page, forum).waitFor();

    await page.getByRole('link', { name: 'My spaces' }).click();
    for (const [section, name] of [['Organisations', organisation], ['Coalitions', coalition], ['Working groups', workingGroup], ['Forums', forum]]) {
      await page.getByRole('region', { name: section }).getByRole('link', { name }).waitFor();
    }
  });

  it('finds both in the directory with filters', async () => {
    await page.goto('/directory/organisations');
    await page.getByRole('link', { name: arabicOrganisation }).waitFor();
    await page.getByRole('link', { name: organisation }).waitFor();
    await screenshot(page, 'directory-unfiltered');

    await page.getByText('Filter by country, region, topic or kind').click();
    await page.getByLabel('Country').selectOption({ label: 'Colombia' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 shown').waitFor();
    await page.getByRole('link', { name: organisation }).waitFor();
    assert.equal(await page.getByRole('link', { name: arabicOrganisation }).count(), 0, 'the filter leaves out the Lebanese organisation');
    assert.match(page.url(), /country=CO/);

    await page.getByLabel('Country').selectOption({ label: 'Kenya' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Nothing matches these filters.').waitFor();

    await page.getByRole('link', { name: 'Coalitions' }).click();
    await page.getByText('Filter by country, region, topic or kind').click();
    await page.getByRole('textbox', { name: 'Topic' }).fill('water');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: coalition }).waitFor();
    await page.getByText('1 shown').waitFor();
    await screenshot(page, 'directory');
  });

  it('invites a second person, who accepts the link in another browser context', async () => {
    await page.goto(`${urls.coalition}/manage`);
    await page.getByRole('button', { name: 'Create link' }).click();
    const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    assert.match(link, /\/invitations\/coalition\./);
    await screenshot(page, 'invitations');

    const guest = await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB' });
    try {
      const invited = await guest.newPage();
      await invited.goto(link);
      await heading(invited, 'Invitation').waitFor();
      await invited.getByText(coalition).waitFor();
      await screenshot(invited, 'invitation');
      await invited.getByRole('link', { name: 'Create an account and accept' }).click();
      await invited.getByLabel('Your name').fill(layla.name);
      await invited.getByLabel('E-mail address').fill(layla.email);
      await invited.getByLabel('Password').fill(password);
      await invited.getByRole('button', { name: 'Create account' }).click();
      await heading(invited, coalition).waitFor();
      await invited.getByText('Your role: member').waitFor();
    } finally {
      await guest.close();
    }

    await page.goto(urls.coalition);
    const member = page.getByRole('main').getByText(layla.name, { exact: true });
    await member.waitFor();
    assert.equal(await member.evaluate((el) => getComputedStyle(el).direction), 'rtl', 'an Arabic name runs right to left');
    await page.goto(`${urls.coalition}/manage`);
    await page.getByText('member · Accepted').waitFor();
  });

  it('lets a third person ask to join, and a coordinator approve the request', async () => {
    const visitor = await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB' });
    try {
      const asking = await visitor.newPage();
      await asking.goto('/register');
      await asking.getByLabel('Your name').fill(kofi.name);
      await asking.getByLabel('E-mail address').fill(kofi.email);
      await asking.getByLabel('Password').fill(password);
      await asking.getByRole('button', { name: 'Create account' }).click();
      await heading(asking, 'My spaces').waitFor();
      await asking.goto(urls.organisation);
      await asking.getByLabel('Message to the coordinators (optional)').fill('Quisiera participar.');
      await asking.getByRole('button', { name: 'Ask to join' }).click();
      await asking.getByText('Your request was sent to the coordinators.').waitFor();
    } finally {
      await visitor.close();
    }

    await page.goto(`${urls.organisation}/manage`);
    await page.getByText('Quisiera participar.').waitFor();
    await page.getByRole('button', { name: `Approve ${kofi.name}` }).click();
    await page.getByText('No pending requests.').waitFor();
    await page.goto(urls.organisation);
    await page.getByRole('main').getByText(kofi.name, { exact: true }).waitFor();
  });

  it('creates an API key, shows it once, lists and revokes it', async () => {
    await page.goto(`${urls.organisation}/api-keys`);
    await page.getByLabel('Name of the key').fill('Reporting');
    await page.getByLabel('Permissions').selectOption('read');
    await page.getByRole('button', { name: 'Create key' }).click();
    assert.match(await page.getByRole('textbox', { name: 'API key' }).inputValue(), /^nhk_/);
    await screenshot(page, 'api-keys');

    await page.reload();
    await page.getByRole('button', { name: 'Revoke the key Reporting' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'API key' }).count(), 0, 'the key is not shown again');
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Revoke the key Reporting' }).click();
    await page.getByText(/revoked/).waitFor();
  });

  it('shows coordinators the audit log', async () => {
    await page.goto(`${urls.coalition}/audit`);
    await page.getByText('invitation.created').waitFor();
    await page.getByText('member.joined').waitFor();
    await screenshot(page, 'audit');
  });

  it('switches the interface to Spanish, to Arabic (right to left) and back', async () => {
    await page.goto('/spaces');
    await page.getByLabel('Language').selectOption('es');
    await heading(page, 'Mis espacios').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await page.getByRole('link', { name: 'Directorio' }).waitFor();
    await page.getByLabel('Idioma').selectOption('ar');
    await heading(page, 'مساحاتي').waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    await page.getByLabel('اللغة').selectOption('en');
    await heading(page, 'My spaces').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  });
});
