// A draft national action plan in a coalition, in two browsers against the real server: the coordinator uploads it as a
// .docx and reads its chapters, a member comments on a chapter, the coordinator opens a feedback round, the member
// comments in it, the round is closed, the coordinator answers the comment in the consolidated report (the member then
// sees the answer, the Markdown export holds both), and the file downloaded from the page is byte for byte the one
// uploaded. Only the document itself is created through REST; each screen is checked with axe-core on the way.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, overflowsHorizontally, screenshot, seriousViolations } from './support/browser.mjs';
import { wordFile } from './support/docx.mjs';
import { startPlatform } from './support/platform.mjs';
import { restClient } from './support/rest.mjs';
import { seed } from './support/seed.mjs';

const title = 'National action plan on business and human rights (draft)';
const fileName = 'national-action-plan-draft.docx';
const coalitionName = 'Coalición por el Agua';
const workingGroupName = 'Grupo de Incidencia';
const chapters = [
  { heading: '1. Context', paragraphs: ['The plan answers the recommendations of the last universal periodic review.'] },
  {
    heading: '2. Protection of human rights defenders',
    paragraphs: [
      'The State will set up an early warning mechanism for defenders of land and water at risk.',
      'Protection measures are agreed with the person protected and reviewed every six months.',
    ],
  },
  { heading: '3. Implementation and monitoring', paragraphs: ['A multi-stakeholder committee reports on progress every year.'] },
];
const [, protection, monitoring] = chapters.map((c) => c.heading);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

describe('A document', () => {
  let platform, browser, world, documentPath;
  const docx = wordFile(chapters);

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    world = await seed(platform.baseUrl);
    const { call } = restClient(platform.baseUrl);
    const coalition = world.urls.coalition.split('/').pop();
    const document = await call('POST', `/api/v1/spaces/coalition/${coalition}/documents`, {
      title, description: 'For consultation with the coalition and its working group.', tags: ['national action plan'], language: 'en', status: 'under-consultation',
    }, world.ana.token);
    documentPath = `/documents/${document.documentId}`;
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('is uploaded as a .docx, read by chapter, commented on in a feedback round, answered in its report and downloaded unchanged', async () => {
    const contexts = {
      ana: await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB', storageState: world.storageState(world.ana) }),
      layla: await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB', storageState: world.storageState(world.layla) }),
    };
    const found = [];
    const check = async (page, name) => {
      found.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
      await screenshot(page, name);
    };
    const comments = (page, heading) => page.getByRole('region', { name: `Comments on ${heading}`, exact: true });
    try {
      const ana = await contexts.ana.newPage();
      await ana.goto(documentPath);
      await ana.getByRole('heading', { level: 1, name: title }).waitFor();
      await ana.getByText('No version yet.').waitFor();
      const upload = ana.getByRole('group').filter({ has: ana.getByText('Upload a new version') });
      await upload.getByText('Upload a new version').click();
      await upload.getByLabel('File', { exact: true }).setInputFiles({
        name: fileName, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx,
      });
      await upload.getByLabel('What changed (optional)').fill('First draft for the coalition.');
      await upload.getByRole('button', { name: 'Upload', exact: true }).click();
      await upload.getByText('New version added.').waitFor();

      const contents = ana.getByRole('navigation', { name: 'Contents' });
      await contents.getByRole('link', { name: monitoring }).waitFor();
      assert.deepEqual(await contents.getByRole('listitem').allInnerTexts(), chapters.map((c) => c.heading));
      const chapter = ana.getByRole('region', { name: protection, exact: true });
      await chapter.getByText(chapters[1].paragraphs[1]).waitFor();
      await ana.getByText(fileName).waitFor();
      await ana.getByTitle(sha256(docx)).waitFor();
      await check(ana, 'document-uploaded');

      // A member of the coalition reads the same chapter and comments on it.
      const layla = await contexts.layla.newPage();
      await layla.goto(documentPath);
      const laylaComments = comments(layla, protection);
      await laylaComments.getByText('No comments yet.').waitFor();
      assert.equal(await layla.getByText('Upload a new version').count(), 0, 'a member does not manage the document');
      const remark = 'The early warning mechanism should include community protection, not only individual measures.';
      await laylaComments.getByLabel('Your comment on this section').fill(remark);
      await laylaComments.getByRole('button', { name: 'Post the comment' }).click();
      await laylaComments.getByRole('listitem').filter({ hasText: remark }).getByText(world.layla.displayName).waitFor();
      await check(layla, 'document-commented');

      // The page has no live updates of comments yet: the coordinator sees the comment once it is read again.
      await ana.reload();
      await comments(ana, protection).getByRole('listitem').filter({ hasText: remark }).waitFor();

      // A feedback round on version 1: the whole coalition on every chapter, its working group on the last one.
      const roundTitle = 'Consultation on the first draft';
      await ana.getByText('Open a feedback round').click();
      await ana.getByLabel('Title of the round').fill(roundTitle);
      await ana.getByLabel('What you ask of the groups (optional)').fill('Please comment chapter by chapter.');
      await ana.getByLabel(coalitionName, { exact: true }).check();
      await ana.getByLabel(workingGroupName, { exact: true }).check();
      await ana.getByLabel(`Sections asked of ${workingGroupName} (none chosen: all)`).selectOption({ label: monitoring });
      await check(ana, 'feedback-round-setup');
      await ana.getByRole('button', { name: 'Open the round' }).click();
      await ana.getByRole('heading', { level: 1, name: roundTitle }).waitFor();
      assert.match(new URL(ana.url()).pathname, /^\/feedback-rounds\/[0-9a-f-]{36}$/);
      const roundPath = new URL(ana.url()).pathname;
      const groups = ana.getByRole('list').filter({ hasText: workingGroupName });
      await groups.getByRole('listitem').filter({ hasText: coalitionName }).getByText('All sections').waitFor();
      await groups.getByRole('listitem').filter({ hasText: workingGroupName }).getByText('1 section').waitFor();
      await check(ana, 'feedback-round');

      // The member finds what is asked of them and comments in the round.
      await layla.getByRole('link', { name: 'My feedback rounds' }).click();
      const asked = layla.getByRole('listitem').filter({ hasText: roundTitle });
      await asked.getByText(`For ${coalitionName}`).waitFor();
      await check(layla, 'my-feedback-rounds');
      await asked.getByRole('link', { name: roundTitle }).click();
      await layla.getByRole('heading', { level: 1, name: roundTitle }).waitFor();
      const roundRemark = 'Add a budget line for the protection programme.';
      const roundComments = comments(layla, protection);
      await roundComments.getByText('No comments yet.').waitFor();
      assert.equal(await layla.getByRole('button', { name: 'Close the round now' }).count(), 0, 'a member does not close the round');
      await roundComments.getByLabel('Your comment on this section').fill(roundRemark);
      await roundComments.getByRole('button', { name: 'Post the comment' }).click();
      await roundComments.getByRole('listitem').filter({ hasText: roundRemark }).waitFor();
      await check(layla, 'feedback-round-commented');

      // The coordinator sees it, closes the round, and answers it in the consolidated report.
      await ana.reload();
      await comments(ana, protection).getByRole('listitem').filter({ hasText: roundRemark }).waitFor();
      await ana.getByRole('button', { name: 'Close the round now' }).click();
      await ana.getByText(`On ${title}, version 1 · Closed`, { exact: false }).waitFor();
      assert.equal(await ana.getByRole('button', { name: 'Close the round now' }).count(), 0, 'a closed round cannot be closed again');
      assert.equal(await comments(ana, protection).getByLabel('Your comment on this section').count(), 0, 'a closed round takes no more comments');

      await ana.getByRole('link', { name: 'Consolidated report' }).click();
      await ana.getByRole('heading', { level: 1, name: `Report: ${roundTitle}` }).waitFor();
      await ana.getByText('1 comment', { exact: false }).waitFor();
      const reported = ana.getByRole('region', { name: protection, exact: true }).getByRole('listitem').filter({ hasText: roundRemark });
      await reported.getByText(`From ${coalitionName}`).waitFor();
      await reported.getByText(world.layla.displayName).first().waitFor();
      const reply = 'A budget line is added in chapter 3; its amount is set with the ministry.';
      const respond = reported.getByRole('form', { name: `Response to ${world.layla.displayName}` });
      await respond.getByLabel('Response', { exact: true }).selectOption({ label: 'Partly accepted' });
      await respond.getByLabel('Reply to the commenter (optional)').fill(reply);
      await respond.getByRole('button', { name: 'Save the response' }).click();
      await respond.getByText('Response saved.').waitFor();
      await reported.getByRole('article').getByText(reply).waitFor();
      await check(ana, 'feedback-round-report');
      const [exported] = await Promise.all([
        ana.waitForEvent('download'),
        ana.getByRole('button', { name: 'Download as Markdown (.md)' }).click(),
      ]);
      const markdown = await readFile(await exported.path(), 'utf8');
      assert.match(markdown, /^## 2\\\. Protection of human rights defenders$/m);
      assert.ok(markdown.includes('Add a budget line for the protection programme'), 'the exported report holds the comment');
      assert.ok(markdown.includes('**Response: partly accepted**'), 'the exported report holds the response');

      // The commenter sees the answer to their comment.
      await layla.goto(`${roundPath}/report`);
      const answered = layla.getByRole('listitem').filter({ hasText: roundRemark });
      await answered.getByText('Partly accepted').waitFor();
      await answered.getByText(reply).waitFor();
      assert.equal(await layla.getByRole('form', { name: `Response to ${world.layla.displayName}` }).count(), 0, 'a commenter does not respond');
      await check(layla, 'feedback-round-report-commenter');

      // The file comes back as it went in.
      await ana.goto(documentPath);
      const rounds = ana.getByRole('region', { name: 'Feedback rounds' });
      await rounds.getByRole('listitem').filter({ hasText: roundTitle }).getByText('Version 1 · Closed', { exact: false }).waitFor();
      const [download] = await Promise.all([
        ana.waitForEvent('download'),
        ana.getByRole('button', { name: 'Download version 1' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), fileName);
      const downloaded = await readFile(await download.path());
      assert.equal(downloaded.length, docx.length);
      assert.equal(sha256(downloaded), sha256(docx));

      await ana.setViewportSize({ width: 360, height: 740 });
      await ana.getByRole('navigation', { name: 'Contents' }).waitFor();
      assert.equal(await overflowsHorizontally(ana), false, 'the document page fits a 360 px screen');
    } catch (error) {
      // What the screens showed when a step timed out says more than the timeout does.
      for (const [who, context] of Object.entries(contexts)) {
        const [page] = context.pages();
        if (page) await screenshot(page, `document-failure-${who}`);
      }
      throw error;
    } finally {
      await contexts.ana.close();
      await contexts.layla.close();
    }
    assert.deepEqual(found, []);
  });
});
