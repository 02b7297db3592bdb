import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { DocumentPage } from './DocumentPage';
import type { FeedbackRoundSummary } from '../generated/openapi';
import { comment, document, documentId, groupId, people, round, roundId, sections, thread, version } from './testData';

vi.mock('../sessions/liveSessionClient', async (original) => ({ ...await original<object>(), LiveSessionClient: (await import('./fakeHub')).FakeHub }));

const at = { url: `/documents/${documentId}`, path: '/documents/:id' };

function answers(manage = false, rounds: FeedbackRoundSummary[] = []) {
  let versions = [version(), version({ number: 2, fileName: 'plan.docx', changeNote: 'Chapters reordered.' })];
  server.use(
    api.get('/api/v1/documents/{id}', ({ response }) => response(200).json(document({ canManage: manage, latest: versions.at(-1)! }))),
    api.get('/api/v1/documents/{id}/versions', ({ response }) => response(200).json(versions)),
    api.get('/api/v1/documents/{id}/versions/{number}', ({ params, response }) =>
      response(200).json({ version: versions[Number(params.number) - 1]!, sections })),
    api.get('/api/v1/documents/{id}/comments', ({ query, response }) => response(200).json({
      threads: query.get('section') === 'water' ? [thread(comment({ version: 1, roundId: null }, { mark: 'vanished' }))] : [], next: null,
    })),
    api.get('/api/v1/documents/{id}/feedback-rounds', ({ response }) => response(200).json(rounds)),
    api.get('/api/v1/me/spaces', ({ response }) => response(200).json([
      { space: { kind: 'working-group', id: groupId }, name: 'Water subgroup', visibility: 'members-only', yourRole: 'member', parent: null },
      { space: { kind: 'organisation', id: '00000000-0000-7000-8000-0000000000a1' }, name: 'Red de la Tierra', visibility: 'public', yourRole: 'coordinator', parent: null },
    ])),
    api.post('/api/v1/documents/{id}/versions/markdown', async ({ request, response }) => {
      const body = await request.json();
      const added = version({ number: versions.length + 1, changeNote: body.changeNote });
      versions = [...versions, added];
      return response(201).json(added);
    }),
  );
}

describe('DocumentPage', () => {
  it('shows the details, the versions with downloads, and the latest version\'s sections with their comments', async () => {
    signedIn(people.commenter);
    answers();
    const sent = recordRequests();
    vi.stubGlobal('URL', class extends URL {
      static createObjectURL = () => 'blob:file';
      static revokeObjectURL = () => {};
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    server.use(api.get('/api/v1/documents/{id}/versions/{number}/content', () => new Response('bytes')));
    renderAt(<DocumentPage />, at);

    expect(await screen.findByRole('heading', { level: 1, name: 'National action plan' })).toBeTruthy();
    expect(screen.getByText(/Under consultation/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['water', 'plan']);
    const versions = await screen.findAllByText(/^Version \d$/);
    expect(versions.map((v) => v.textContent)).toEqual(['Version 2', 'Version 1']);
    expect(screen.getByText('Chapters reordered.')).toBeTruthy();

    const contents = await screen.findByRole('navigation', { name: 'Contents' });
    expect(within(contents).getAllByRole('link').map((a) => a.textContent)).toEqual(['Introduction', 'Water']);
    expect(within(screen.getByRole('region', { name: 'Introduction' })).getByText('five').tagName).toBe('STRONG');
    expect(screen.getByRole('region', { name: 'Introduction' }).querySelector('script')).toBeNull();
    const water = screen.getByRole('region', { name: 'Comments on Water' });
    expect((await within(water).findByText('Wells need upkeep money too.')).closest('article')!.textContent).toContain('The section no longer exists');
    expect(within(water).getByLabelText('Your comment on this section')).toBeTruthy();
    expect(screen.queryByText('Upload a new version')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Download version 2' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    expect(sent.find((r) => r.path.endsWith('/content'))!.path).toBe(`/api/v1/documents/${documentId}/versions/2/content`);
    vi.unstubAllGlobals();
  });

  it('lets those who manage it write a Markdown version', async () => {
    signedIn(people.drafter);
    answers(true);
    const sent = recordRequests();
    renderAt(<DocumentPage />, at);

    await userEvent.click(await screen.findByText('Write a new version in Markdown'));
    const markdown = screen.getByLabelText('Text (Markdown)');
    await userEvent.type(markdown, '# Introduction');
    const form = markdown.closest('form')!;
    await userEvent.type(within(form).getByLabelText('What changed (optional)'), 'Shorter');
    await userEvent.click(within(form).getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByText('Version 3')).toBeTruthy();
    expect(sent.find((r) => r.path.endsWith('/versions/markdown'))!.body).toEqual({ markdown: '# Introduction', changeNote: 'Shorter' });
  });

  it('uploads a file as multipart form data, change note first, and says when it is too large', async () => {
    signedIn(people.drafter);
    answers(true);
    let received: { contentType: string | null; body: string } | null = null;
    server.use(api.post('/api/v1/documents/{id}/versions', async ({ request, response }) => {
      received = { contentType: request.headers.get('Content-Type'), body: await request.text() };
      return response(413).json(problem(413, 'document.too-large', 'The file is larger than the 50 MB limit.'));
    }));
    renderAt(<DocumentPage />, at);

    await userEvent.click(await screen.findByText('Upload a new version'));
    const upload = screen.getByRole('button', { name: 'Upload' }).closest('form')!;
    await userEvent.upload(within(upload).getByLabelText('File'), new File(['x'.repeat(10)], 'plan.docx', { type: 'application/octet-stream' }));
    await userEvent.type(within(upload).getByLabelText('What changed (optional)'), 'Final layout');
    await userEvent.click(within(upload).getByRole('button', { name: 'Upload' }));
    expect((await within(upload).findByRole('alert')).textContent).toBe(en['error.document.too-large']);
    expect(received!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const body = received!.body;
    expect(body).toMatch(/name="changeNote"\r\n\r\nFinal layout\r\n/);
    // jsdom's File does not survive undici's multipart encoding (name and bytes are lost on the way), so only the
    // parts and their order are checked here; the bytes' round trip is the API tests' and the browser test's.
    expect(body).toMatch(/name="file"; filename=/);
    expect(body.indexOf('name="changeNote"')).toBeLessThan(body.indexOf('name="file"'));
  });

  it('lists the document\'s rounds and lets the drafting team open one on the latest version for chosen groups and sections', async () => {
    signedIn(people.drafter);
    answers(true, [{ roundId, documentId, version: 1, title: 'First reading', deadline: '2026-01-20T17:00:00Z', status: 'closed', groupCount: 3 }]);
    server.use(api.post('/api/v1/documents/{id}/feedback-rounds', ({ response }) => response(201).json(round({ canManage: true }))));
    const sent = recordRequests();
    renderAt(<DocumentPage />, at);

    const listed = await screen.findByRole('link', { name: 'First reading' });
    expect(listed.getAttribute('href')).toBe(`/feedback-rounds/${roundId}`);
    expect(listed.closest('li')!.textContent).toContain('Closed');

    await userEvent.click(screen.getByText('Open a feedback round'));
    const form = screen.getByRole('button', { name: 'Open the round' }).closest('form')!;
    expect(within(form).getByText('On version 2, the latest.')).toBeTruthy();
    await userEvent.type(within(form).getByLabelText('Title of the round'), 'Second reading');
    const deadline = within(form).getByLabelText('Deadline');
    await userEvent.clear(deadline);
    await userEvent.type(deadline, '2026-04-01T12:00');
    await userEvent.click(await within(form).findByLabelText('Water subgroup'));
    await userEvent.selectOptions(within(form).getByLabelText('Sections asked of Water subgroup (none chosen: all)'), 'water');
    await userEvent.click(within(form).getByLabelText('Red de la Tierra'));
    await userEvent.click(within(form).getByRole('button', { name: 'Open the round' }));

    await waitFor(() => expect(sent.some((r) => r.method === 'POST' && r.path.endsWith('/feedback-rounds'))).toBe(true));
    const posted = sent.find((r) => r.method === 'POST' && r.path.endsWith('/feedback-rounds'))!;
    expect(posted.headers.get('Idempotency-Key')).toBeTruthy();
    expect(posted.body).toEqual({
      version: 2, title: 'Second reading', instructions: null, deadline: new Date('2026-04-01T12:00').toISOString(),
      groups: [
        { kind: 'working-group', spaceId: groupId, sectionIds: ['water'] },
        { kind: 'organisation', spaceId: '00000000-0000-7000-8000-0000000000a1', sectionIds: [] },
      ],
    });
  });

  it('shows a document one may not see as not found', async () => {
    signedIn(people.commenter);
    server.use(api.get('/api/v1/documents/{id}', ({ response }) => response(404).json(problem(404, 'document.not-found', 'This document does not exist.'))));
    renderAt(<DocumentPage />, at);
    await waitFor(async () => expect((await screen.findByRole('alert')).textContent).toBe(en['error.document.not-found']));
  });
});
