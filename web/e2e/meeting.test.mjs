// A committee meeting in three browsers: the secretary of a coalition's steering committee and the representatives of
// the two organisations holding its seats, each signed in in their own context, on the real platform. Set-up (the
// coalition, the organisations, the committee, its seats and offices, the meeting's schedule) goes through the public
// REST API; the meeting itself (start, attendance, the motion, the vote, each representative's ballot, the close)
// through the meeting room. Then the decision must be in the committee's register and in the draft minutes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, seriousViolations, signedIn } from './support/browser.mjs';
import { restClient } from './support/rest.mjs';
import { startPlatform } from './support/platform.mjs';

const live = 2_000; // what "live" means here: seen by the others within 2 seconds

describe('Committee meeting room', () => {
  let platform, browser, committee, meeting;
  const people = {};
  const pages = {};
  const organisations = { ana: 'Red de Tierras Comunales', kofi: 'Agua Viva Senegal' };
  const motionTitle = 'Adopt the 2027 work plan';

  const { call, person } = restClient(() => platform.baseUrl);

  const open = async (who) => {
    const context = await browser.newContext({
      baseURL: platform.baseUrl, locale: 'en-GB', viewport: { width: 1280, height: 900 },
      storageState: signedIn(platform.baseUrl, who),
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => dialog.accept());
    await page.goto(`/meetings/${meeting.meetingId}`);
    await page.getByRole('heading', { level: 1, name: 'Steering committee, December' }).waitFor();
    return page;
  };

  const tally = (page) => page.getByRole('status', { name: 'Tally' });

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    people.secretary = await person('Sara Secretary');
    people.ana = await person('Ana Representative');
    people.kofi = await person('Kofi Representative');
    const coalition = await call('POST', '/api/v1/coalitions', {
      name: 'Coalición por la Tierra', description: null, country: 'CO', region: null, topics: ['land rights'], visibility: 'private',
    }, people.secretary.token);
    committee = await call('POST', `/api/v1/coalitions/${coalition.id}/committees`,
      { name: 'Steering Committee', mandate: 'Runs the coalition between assemblies.', visibility: 'private', code: 'SC' }, people.secretary.token);
    for (const who of ['ana', 'kofi']) {
      const organisation = await call('POST', '/api/v1/organisations', {
        name: organisations[who], kind: 'civil-society-organisation', country: who === 'ana' ? 'CO' : 'SN', region: null, topics: ['land rights'],
        description: null, website: null,
      }, people[who].token);
      const seat = await call('POST', `/api/v1/committees/${committee.id}/seats`,
        { organisationId: organisation.id, kind: 'founding-partner' }, people.secretary.token);
      await call('POST', `/api/v1/committees/${committee.id}/seats/${seat.seatId}/accept`,
        { representative: people[who].personId, alternate: null }, people[who].token);
    }
    await call('PUT', `/api/v1/committees/${committee.id}/offices`,
      { chair: null, coChairs: [], secretary: people.secretary.personId }, people.secretary.token);
    meeting = await call('POST', `/api/v1/committees/${committee.id}/meetings`, {
      title: 'Steering committee, December', type: 'regular', startsAt: new Date().toISOString(), timeZone: 'America/Bogota',
      place: 'Casa de la Tierra, Bogotá', onlineLink: 'https://meet.example.org/sc', deadline: null,
      agenda: [{ title: 'Work plan 2027', presenter: people.ana.personId, papers: [{ title: 'Draft work plan', url: 'https://docs.example.org/plan' }] }],
    }, people.secretary.token, { 'Idempotency-Key': crypto.randomUUID() });
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('lets the secretary start the meeting and record attendance, the quorum moving live for everyone', async () => {
    pages.secretary = await open(people.secretary);
    pages.ana = await open(people.ana);
    pages.kofi = await open(people.kofi);
    for (const page of [pages.ana, pages.kofi]) {
      await page.getByRole('link', { name: 'Draft work plan' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Start the meeting' }).count(), 0, 'representatives do not run the meeting');
    }

    await pages.secretary.getByRole('button', { name: 'Start the meeting' }).click();
    for (const page of [pages.ana, pages.kofi]) await page.getByText('In progress', { exact: true }).waitFor({ timeout: live });

    await pages.secretary.getByRole('combobox', { name: `Attendance of ${organisations.ana}` }).selectOption('present');
    await pages.kofi.getByText('No quorum: 1 of 2 votes present, 2 required.').waitFor({ timeout: live });
    await pages.secretary.getByRole('combobox', { name: `Attendance of ${organisations.kofi}` }).selectOption('present');
    for (const page of [pages.ana, pages.kofi, pages.secretary]) {
      await page.getByText('Quorum met: 2 of 2 votes present, 2 required.').waitFor({ timeout: live });
    }
  });

  it('puts a motion to an open vote and shows each representative’s ballot in the others’ tally as it is cast', async () => {
    const secretary = pages.secretary;
    await secretary.getByRole('button', { name: 'Propose a motion' }).click();
    const form = secretary.getByRole('form', { name: 'Propose a motion' });
    await form.getByLabel('Title of the motion').fill(motionTitle);
    await form.getByLabel('Text of the motion').fill('The committee adopts the **2027 work plan** as circulated.');
    await form.getByLabel('Moved by the seat').selectOption({ label: organisations.ana });
    await form.getByLabel('Seconded by the seat').selectOption({ label: organisations.kofi });
    await form.getByRole('button', { name: 'Propose', exact: true }).click();
    for (const page of [pages.ana, pages.kofi]) await page.getByRole('heading', { name: motionTitle }).waitFor({ timeout: live });

    await secretary.getByRole('button', { name: 'Put the motion to the vote' }).click();
    for (const page of [pages.ana, pages.kofi]) await tally(page).getByText('Yes 0 · No 0 · Abstain 0').waitFor({ timeout: live });
    assert.equal(await pages.kofi.getByRole('form', { name: `Ballot of ${organisations.ana}` }).count(), 0, 'Kofi cannot cast Ana’s seat');

    const anaBallot = pages.ana.getByRole('form', { name: `Ballot of ${organisations.ana}` });
    await anaBallot.getByRole('radio', { name: 'Yes' }).check();
    await anaBallot.getByRole('button', { name: `Cast the vote of ${organisations.ana}` }).click();
    await tally(pages.kofi).getByText('Yes 1 · No 0 · Abstain 0').waitFor({ timeout: live });
    await tally(pages.kofi).getByText(`${organisations.ana}: Yes`).waitFor({ timeout: live });

    const kofiBallot = pages.kofi.getByRole('form', { name: `Ballot of ${organisations.kofi}` });
    await kofiBallot.getByRole('radio', { name: 'No' }).check();
    await kofiBallot.getByRole('button', { name: `Cast the vote of ${organisations.kofi}` }).click();
    await tally(pages.ana).getByText('Yes 1 · No 1 · Abstain 0').waitFor({ timeout: live });
    // An open ballot can be changed until the close.
    await kofiBallot.getByRole('radio', { name: 'Yes' }).check();
    await kofiBallot.getByRole('button', { name: `Change the vote of ${organisations.kofi}` }).click();
    for (const page of [pages.ana, secretary]) {
      await tally(page).getByText('Yes 2 · No 0 · Abstain 0').waitFor({ timeout: live });
      await tally(page).getByText(`${organisations.kofi}: Yes`).waitFor({ timeout: live });
    }
    assert.deepEqual(await seriousViolations(pages.ana), []);
  });

  it('closes the vote: the motion is adopted and numbered, in the register and in the draft minutes', async () => {
    await pages.secretary.getByRole('button', { name: 'Close the vote' }).click();
    for (const page of [pages.ana, pages.kofi]) {
      await page.getByText('Counted with quorum: 2 votes present, 2 required.').waitFor({ timeout: live });
    }
    // The register numbers it just after the close; the number reaches the room through the stream.
    const numbered = pages.kofi.locator('.result').getByText(/^Decision /);
    await numbered.waitFor({ timeout: 10_000 });
    const number = (await numbered.textContent()).replace('Decision ', '');
    await screenshot(pages.kofi, 'meeting-room');

    const register = await call('GET', `/api/v1/committees/${committee.id}/decisions`, undefined, people.ana.token);
    const decision = register.decisions.find((d) => d.number === number);
    assert.ok(decision, `decision ${number} is in the register: ${JSON.stringify(register)}`);
    assert.equal(decision.title, motionTitle);
    assert.equal(decision.meetingId, meeting.meetingId);
    assert.equal(decision.result.outcome, 'adopted');
    assert.deepEqual([decision.result.totals.yes, decision.result.totals.no], [2, 0]);

    await pages.secretary.getByRole('button', { name: 'Close the meeting' }).click();
    for (const page of [pages.ana, pages.kofi]) await page.getByText('Closed', { exact: true }).waitFor({ timeout: live });
    const minutes = await call('POST', `/api/v1/meetings/${meeting.meetingId}/minutes`, {}, people.secretary.token);
    assert.match(minutes.markdown, new RegExp(`decision ${number.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}`));
    assert.ok(minutes.markdown.includes(motionTitle), minutes.markdown);
  });
});
