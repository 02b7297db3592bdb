import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentEvent } from '../generated/hub';
import type { DocumentVersionSummary } from '../generated/openapi';
import { en } from '../i18n/en';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { DocumentPage } from './DocumentPage';
import { hubs } from './fakeHub';
import { comment, document, documentId, people, sections, thread, version } from './testData';

vi.mock('../sessions/liveSessionClient', async (original) => ({ ...await original<object>(), LiveSessionClient: (await import('./fakeHub')).FakeHub }));

const at = { url: `/documents/${documentId}`, path: '/documents/:id' };

/** The server as the page reads it; `state` is changed by a test as another person's change would. */
function serve() {
  const state = { document: document({ canManage: true, latest: version() }), versions: [version()], threads: [] as ReturnType<typeof thread>[], gone: false };
  server.use(
    api.get('/api/v1/documents/{id}', ({ response }) => (state.gone
      ? response(404).json(problem(404, 'document.not-found', 'No document.'))
      : response(200).json(state.document))),
    api.get('/api/v1/documents/{id}/versions', ({ response }) => response(200).json(state.versions)),
    api.get('/api/v1/documents/{id}/versions/{number}', ({ params, response }) =>
      response(200).json({ version: state.versions[Number(params.number) - 1]!, sections })),
    api.get('/api/v1/documents/{id}/comments', ({ query, response }) =>
      response(200).json({ threads: query.get('section') === 'water' ? state.threads : [], next: null })),
    api.get('/api/v1/documents/{id}/feedback-rounds', ({ response }) => response(200).json([])),
    api.get('/api/v1/me/spaces', ({ response }) => response(200).json([])),
  );
  return state;
}

const event = (sequence: number, change: DocumentEvent['change']): DocumentEvent => ({ sequence, at: '2026-01-12T11:00:00Z', change });
const hub = () => hubs.at(-1)!;
const emit = (name: string, payload: unknown) => act(() => hub().emit(name, payload));

async function openPage() {
  renderAt(<DocumentPage />, at);
  await screen.findByRole('heading', { level: 1, name: 'National action plan' });
  await waitFor(() => expect(hub().invoked).toEqual([['JoinDocument', documentId, null]]));
  await emit('DocumentSnapshot', { sequence: 3, document: document({ latest: version() }) });
}

beforeEach(() => { hubs.length = 0; });

describe('the document page, live', () => {
  it('joins the document and shows another person\'s new version at once, and says so politely', async () => {
    signedIn(people.commenter);
    const state = serve();
    await openPage();
    expect(await screen.findByText('Version 1')).toBeTruthy();

    const added: DocumentVersionSummary = version({ number: 2, fileName: 'plan-v2.md', authorPersonId: people.drafter, changeNote: 'Budget added.' });
    state.versions = [version(), added];
    state.document = { ...state.document, latest: added, version: 5 };
    await emit('DocumentEvent', event(4, { type: 'version-added', version: added }));

    expect(await screen.findByText('Budget added.')).toBeTruthy();
    expect(screen.getByText(en['document.liveVersion'].replace('{number}', '2')).getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Download version 2' })).toBeTruthy();
  });

  it('shows a new comment to those viewing, from one message or a batch', async () => {
    signedIn(people.drafter);
    const state = serve();
    await openPage();
    const water = screen.getByRole('region', { name: 'Comments on Water' });
    expect(await within(water).findByText('No comments yet.')).toBeTruthy();

    const posted = comment({ text: 'What about the dry season?', sequence: 7 });
    state.threads = [thread(posted)];
    await emit('DocumentEvents', [
      event(4, { type: 'comment-posted', comment: posted.comment }),
      event(5, { type: 'comment-changed', comment: { ...posted.comment, status: 'resolved' } }),
    ]);

    expect(await within(water).findByText('What about the dry season?')).toBeTruthy();
    expect(screen.getByText(en['document.liveComment'])).toBeTruthy();
  });

  it('takes a snapshot as the document now is, keeping what REST said the caller may do, and reads the rest again', async () => {
    signedIn(people.drafter);
    const state = serve();
    await openPage();
    const sent = recordRequests();

    // A snapshot carries the view of someone who only reads; the caller's own rights stay as REST answered them.
    await emit('DocumentSnapshot', { sequence: 9, document: document({ title: 'National action plan 2027', latest: version(), canManage: false, canComment: false }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'National action plan 2027' })).toBeTruthy();
    expect(screen.getByText('Edit the details')).toBeTruthy();
    await waitFor(() => expect(sent.some((r) => r.path.endsWith('/versions'))).toBe(true));
    expect(sent.some((r) => r.path === `/api/v1/documents/${documentId}`)).toBe(false);
    expect(state.document.title).toBe('National action plan');
  });

  it('joins again from the last event applied after a gap, and after a reconnect', async () => {
    signedIn(people.commenter);
    serve();
    await openPage();

    await emit('DocumentEvent', event(4, { type: 'document-details-changed', title: 'National action plan', description: null, tags: [], language: null, status: 'final' }));
    await emit('DocumentEvent', event(6, { type: 'comment-posted', comment: comment().comment }));
    await waitFor(() => expect(hub().invoked.at(-1)).toEqual(['JoinDocument', documentId, 4]));

    await act(() => hub().reconnect());
    await waitFor(() => expect(hub().invoked).toHaveLength(3));
    expect(hub().invoked.at(-1)).toEqual(['JoinDocument', documentId, 4]);
  });

  it('says the document is gone for whoever lost access to it while viewing', async () => {
    const me = signedIn(people.commenter);
    const state = serve();
    await openPage();

    state.gone = true;
    await emit('DocumentEvent', event(4, { type: 'access-ended', personId: me }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(en['error.document.not-found']));
    expect(screen.queryByRole('heading', { level: 1, name: 'National action plan' })).toBeNull();
  });

  it('ignores another person\'s loss of access', async () => {
    signedIn(people.commenter);
    serve();
    await openPage();
    const sent = recordRequests();

    await emit('DocumentEvent', event(4, { type: 'access-ended', personId: people.drafter }));
    expect(screen.getByRole('heading', { level: 1, name: 'National action plan' })).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
