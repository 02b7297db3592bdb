import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { FeedbackRound } from './FeedbackRound';
import { comment, documentId, people, round, roundId, thread } from './testData';

const at = { url: `/feedback-rounds/${roundId}`, path: '/feedback-rounds/:id' };

/** The round's comments, answered per section as the server filters them; posting adds to the list. */
function comments(initial: CommentThread[]) {
  let threads = initial;
  server.use(
    api.get('/api/v1/documents/{id}/comments', ({ query, response }) =>
      response(200).json({ threads: threads.filter((t) => t.comment.comment.sectionId === query.get('section')), next: null })),
    api.post('/api/v1/documents/{id}/comments', async ({ request, response }) => {
      const body = await request.json();
      const view = comment({ commentId: `00000000-0000-7000-8000-0000000c${String(threads.length + 2).padStart(4, '0')}`, text: body.text, sectionId: body.sectionId, parentId: body.parentId });
      threads = body.parentId
        ? threads.map((t) => t.comment.comment.commentId === body.parentId ? { ...t, replies: [...t.replies, view] } : t)
        : [...threads, thread(view)];
      return response(201).json(view);
    }),
    api.put('/api/v1/documents/{id}/comments/{commentId}/status', async ({ params, request, response }) => {
      const status = (await request.json()).status ?? 'open';
      threads = threads.map((t) => t.comment.comment.commentId === params.commentId
        ? { ...t, comment: { ...t.comment, comment: { ...t.comment.comment, status } } } : t);
      return response(200).json(threads[0]!.comment);
    }),
  );
}

describe('FeedbackRound', () => {
  it('shows what is asked, the sections as contents and rendered Markdown, and no raw HTML', async () => {
    signedIn(people.commenter);
    server.use(api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(200).json(round())));
    comments([]);
    renderAt(<FeedbackRound />, at);

    expect(await screen.findByRole('heading', { level: 1, name: 'Consultation on the draft' })).toBeTruthy();
    expect(screen.getByText(/On National action plan, version 2/).textContent).toContain('Open');
    expect(screen.getByText('Comment chapter by chapter.')).toBeTruthy();
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    expect(within(contents).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Introduction', '#section-0'], ['Water', '#section-1']]);
    const intro = screen.getByRole('region', { name: 'Introduction' });
    expect(within(intro).getByText('five').tagName).toBe('STRONG');
    expect(intro.querySelector('script')).toBeNull();
    expect(screen.getByRole('link', { name: 'Water subgroup' }).getAttribute('href')).toBe('/working-groups/00000000-0000-7000-8000-0000000000e1');
    expect(screen.queryByRole('button', { name: 'Close the round now' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Consolidated report' }).getAttribute('href')).toBe(`/feedback-rounds/${roundId}/report`);
  });

  it('lists a section\'s comments with author, organisation and marks, and posts, replies and resolves within the round', async () => {
    signedIn(people.commenter);
    server.use(api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(200).json(round())));
    comments([thread(comment({}, { mark: 'changed' }), [comment({ commentId: '00000000-0000-7000-8000-0000000c0009', parentId: '00000000-0000-7000-8000-0000000c0001', text: 'Agreed.' }, { authorName: 'Tomás Rivera', organisationName: null })])]);
    const sent = recordRequests();
    renderAt(<FeedbackRound />, at);

    const water = await screen.findByRole('region', { name: 'Comments on Water' });
    expect(await within(water).findByText('Wells need upkeep money too.')).toBeTruthy();
    const first = within(water).getByText('Wells need upkeep money too.').closest('article')!;
    expect(first.textContent).toContain('Nadia Benali');
    expect(first.textContent).toContain('Red de la Tierra');
    expect(first.textContent).toContain('The section has changed since');
    expect(within(water).getByRole('list', { name: '1 reply' }).textContent).toContain('Agreed.');

    await userEvent.type(within(water).getByLabelText('Your comment on this section'), 'Add a maintenance fund.');
    await userEvent.click(within(water).getByRole('button', { name: 'Post the comment' }));
    expect(await within(water).findByText('Add a maintenance fund.')).toBeTruthy();
    const posted = sent.find((r) => r.method === 'POST')!;
    expect(posted.path).toBe(`/api/v1/documents/${documentId}/comments`);
    expect(posted.headers.get('Idempotency-Key')).toBeTruthy();
    expect(posted.body).toEqual({ version: 2, sectionId: 'water', quote: null, parentId: null, text: 'Add a maintenance fund.', organisationId: null, roundId });

    const firstThread = first.closest('li')!;
    await userEvent.click(within(firstThread).getByRole('button', { name: 'Reply' }));
    await userEvent.type(within(firstThread).getByLabelText('Reply'), 'And training.');
    await userEvent.click(within(firstThread).getByRole('button', { name: 'Post the reply' }));
    await waitFor(() => expect(within(water).getByRole('list', { name: '2 replies' }).textContent).toContain('And training.'));
    expect(sent.filter((r) => r.method === 'POST')[1]!.body).toMatchObject({ parentId: '00000000-0000-7000-8000-0000000c0001', roundId });

    await userEvent.click(within(firstThread).getByRole('button', { name: 'Resolve' }));
    expect(await within(firstThread).findByRole('button', { name: 'Reopen' })).toBeTruthy();
    expect(within(firstThread).getByText('Resolved')).toBeTruthy();
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({ path: `/api/v1/documents/${documentId}/comments/00000000-0000-7000-8000-0000000c0001/status`, body: { status: 'resolved' } });
  });

  it('lets the drafting team close the round, after which it takes no more comments', async () => {
    signedIn(people.drafter);
    server.use(
      api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(200).json(round({ canManage: true }))),
      api.post('/api/v1/feedback-rounds/{id}/close', ({ response }) => response(200).json(round({ canManage: true, status: 'closed', closedAt: '2026-02-10T10:00:00Z' }))),
    );
    comments([thread()]);
    renderAt(<FeedbackRound />, at);

    expect(await screen.findAllByLabelText('Your comment on this section')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Close the round now' }));

    await waitFor(() => expect(screen.queryByLabelText('Your comment on this section')).toBeNull());
    expect(screen.getByText(/On National action plan/).textContent).toContain('Closed');
    expect(screen.queryByRole('button', { name: 'Close the round now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
  });

  it('shows the problem when a comment is refused, and a round one may not see as not found', async () => {
    signedIn(people.commenter);
    server.use(
      api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(200).json(round())),
      api.get('/api/v1/documents/{id}/comments', ({ response }) => response(200).json({ threads: [], next: null })),
      api.post('/api/v1/documents/{id}/comments', ({ response }) => response(403).json(problem(403, 'document.not-invited', 'Your group is not asked about this section.'))),
    );
    const { unmount } = renderAt(<FeedbackRound />, at);
    const intro = await screen.findByRole('region', { name: 'Comments on Introduction' });
    await userEvent.type(within(intro).getByLabelText('Your comment on this section'), 'Hello');
    await userEvent.click(within(intro).getByRole('button', { name: 'Post the comment' }));
    expect((await within(intro).findByRole('alert')).textContent).toBe('Your groups are not invited to this feedback round.');
    unmount();

    server.use(api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(404).json(problem(404, 'document.round-not-found', 'This feedback round does not exist.'))));
    renderAt(<FeedbackRound />, at);
    expect((await screen.findByRole('alert')).textContent).toBe('This feedback round does not exist, or you cannot see it.');
  });
});
