// Browser test of an organisation joining a coalition: a coalition coordinator finds it in the directory and invites
// it; the organisation's own coordinator, in another browser context, accepts on the organisation page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot } from './support/browser.mjs';
import { restClient } from './support/rest.mjs';
import { startPlatform } from './support/platform.mjs';
import { seed } from './support/seed.mjs';

const coalition = 'Coalición por el Agua';
const organisation = 'Femmes pour l’Eau de Thiès';

describe('Organisations in a coalition', () => {
  let platform, browser, world, wanjiru, organisationUrl;

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    world = await seed(platform.baseUrl);
    // A second organisation, coordinated by someone who is not in the coalition.
    const { call, person } = restClient(platform.baseUrl);
    wanjiru = await person('Wanjiru Kamau');
    const created = await call('POST', '/api/v1/organisations', {
      name: organisation, kind: 'civil-society-organisation', country: 'SN', topics: ['water'],
    }, wanjiru.token);
    organisationUrl = `/organisations/${created.id}`;
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const contextOf = (who) => browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB', storageState: world.storageState(who) });

  it('invites an organisation, whose coordinator accepts it on the organisation page', async () => {
    const coordinator = await contextOf(world.ana);
    const admin = await contextOf(wanjiru);
    try {
      const page = await coordinator.newPage();
      await page.goto(world.urls.coalition);
      const members = page.getByRole('region', { name: 'Member organisations' });
      await members.getByLabel('Find an organisation by name').fill('Thiès');
      await members.getByLabel('Find an organisation by name').press('Enter');
      await members.getByRole('button', { name: `Invite ${organisation} to this coalition` }).click();
      await page.getByText(`${organisation} was invited.`, { exact: false }).waitFor();
      await members.getByRole('link', { name: organisation }).waitFor();
      await members.getByText('Invited ·', { exact: false }).waitFor();

      const own = await admin.newPage();
      await own.goto(organisationUrl);
      const coalitions = own.getByRole('region', { name: 'Coalitions' });
      await coalitions.getByText('Invited', { exact: false }).waitFor();
      assert.equal(await coalitions.getByRole('link', { name: coalition }).count(), 0, 'no link before joining');
      await screenshot(own, 'organisation-coalition-invited');
      await coalitions.getByRole('button', { name: `Accept the invitation to join ${coalition}` }).click();
      await coalitions.getByRole('link', { name: coalition }).waitFor();
      await coalitions.getByRole('button', { name: `Leave the coalition ${coalition}` }).waitFor();

      await page.reload();
      const row = page.getByRole('region', { name: 'Member organisations' }).getByRole('listitem').filter({ hasText: organisation });
      await row.getByText('Active ·', { exact: false }).waitFor();
      await screenshot(page, 'coalition-organisation-active');
    } finally {
      await coordinator.close();
      await admin.close();
    }
  });
});
