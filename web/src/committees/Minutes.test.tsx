import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MinutesView } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { Minutes } from './Minutes';
import { committeeId, meetingView, people, personNames } from './testData';

const meetingId = meetingView().meetingId;
const url = `/meetings/${meetingId}/minutes`;
const path = '/meetings/:id/minutes';

const minutes = (patch: Partial<MinutesView> = {}): MinutesView => ({
  meetingId, committeeId, status: 'draft', markdown: '# Minutes\n\nPresent: 10 seats.', version: 1, updatedAt: '2026-01-16T10:00:00Z',
  comments: [], approval: null, ...patch,
});

function minutesApi(runsMeeting: boolean, initial: MinutesView | null) {
  let current = initial;
  personNames();
  server.use(
    api.get('/api/v1/meetings/{id}', ({ response }) => response(200).json(meetingView({ you: { runsMeeting, secretary: runsMeeting, representedSeats: [], castingSeats: [] } }))),
    api.get('/api/v1/meetings/{id}/minutes', ({ response }) =>
      current ? response(200).json(current) : response(404).json(problem(404, 'committee.minutes-not-found'))),
    api.post('/api/v1/meetings/{id}/minutes', ({ response }) => response(200).json(current = minutes())),
    api.put('/api/v1/meetings/{id}/minutes', async ({ request, response }) => {
      if (request.headers.get('If-Match') !== `"v${current!.version}"`) return response(412).json(problem(412, 'space.version-mismatch'));
      return response(200).json(current = { ...current!, markdown: (await request.json()).markdown, version: current!.version + 1 });
    }),
    api.post('/api/v1/meetings/{id}/minutes/circulate', ({ response }) => response(200).json(current = { ...current!, status: 'circulated', version: current!.version + 1 })),
    api.post('/api/v1/meetings/{id}/minutes/comments', async ({ request, response }) => {
      const body = await request.json();
      const comment = { commentId: 'c1', authorPersonId: people.representative, text: body.text, quote: body.quote, at: '2026-01-17T10:00:00Z' };
      // A comment leaves the text and its version as they are.
      return response(200).json(current = { ...current!, comments: [...current!.comments, comment] });
    }),
  );
}

describe('Minutes', () => {
  it('lets the secretary draft the minutes from the record, edit them and circulate them', async () => {
    signedIn(people.secretary);
    minutesApi(true, null);
    const sent = recordRequests();
    renderAt(<Minutes />, { url, path });

    expect(await screen.findByRole('heading', { level: 1, name: 'Minutes: First meeting' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the meeting' }).getAttribute('href')).toBe(`/meetings/${meetingId}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Draft from the meeting record' }));
    const editor = await screen.findByLabelText('Minutes (Markdown)') as HTMLTextAreaElement;
    expect(editor.value).toBe('# Minutes\n\nPresent: 10 seats.');
    await userEvent.type(editor, '\nApologies: none.');
    // Circulating sends what the server holds, so it waits until the edit is saved.
    expect((screen.getByRole('button', { name: 'Circulate' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Circulate' }) as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(screen.getByRole('button', { name: 'Circulate' }));

    expect(await screen.findByText(/^Circulated for comments/)).toBeTruthy();
    expect(screen.getByText('The minutes were circulated.')).toBeTruthy();
    // Circulating made a new version: the next save is checked against it, not against the one first read.
    await userEvent.type(editor, ' Thanks.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const puts = sent.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual(['"v1"', '"v3"']);
    expect(puts[0].body).toEqual({ markdown: '# Minutes\n\nPresent: 10 seats.\nApologies: none.' });
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual([`/api/v1/meetings/${meetingId}/minutes`, `/api/v1/meetings/${meetingId}/minutes/circulate`]);
    expect(posts[0].body).toEqual({ replace: false });
    expect(screen.getByRole('link', { name: 'Download as Markdown' }).getAttribute('href')).toBe(`/api/v1/meetings/${meetingId}/minutes.md`);
    expect(screen.getByRole('link', { name: 'Printable page' }).getAttribute('href')).toBe(`/api/v1/meetings/${meetingId}/minutes.html`);
  });

  it('lets a member comment on circulated minutes without editing them, and offers no draft to them', async () => {
    signedIn(people.representative);
    minutesApi(false, minutes({ status: 'circulated' }));
    const sent = recordRequests();
    renderAt(<Minutes />, { url, path });

    expect(await screen.findByText('Present: 10 seats.')).toBeTruthy();
    expect(screen.queryByLabelText('Minutes (Markdown)')).toBeNull();
    expect(screen.getByRole('heading', { name: '0 comments' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Passage you comment on (optional)'), 'Present: 10 seats.');
    await userEvent.type(screen.getByLabelText('Comment'), 'Eleven seats were present.');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));

    expect(await screen.findByRole('heading', { name: '1 comment' })).toBeTruthy();
    expect(await screen.findByText('Nadia Benali')).toBeTruthy();
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ text: 'Eleven seats were present.', quote: 'Present: 10 seats.' });
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('shows approved minutes read-only, even to the secretary', async () => {
    signedIn(people.secretary);
    minutesApi(true, minutes({ status: 'approved', approval: { decisionNumber: 'SC-2026-015', meetingId: 'm2', at: '2026-02-10T10:00:00Z' } }));
    renderAt(<Minutes />, { url, path });

    expect(await screen.findByText(/approved by decision SC-2026-015/)).toBeTruthy();
    expect(screen.queryByLabelText('Minutes (Markdown)')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByLabelText('Comment')).toBeNull();
  });

  it('says a meeting has no minutes yet, with no draft button for those who do not keep them', async () => {
    signedIn(people.representative);
    minutesApi(false, null);
    renderAt(<Minutes />, { url, path });

    expect(await screen.findByText('This meeting has no minutes yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Draft from the meeting record' })).toBeNull();
  });

  it('shows why a save was refused', async () => {
    signedIn(people.secretary);
    minutesApi(true, minutes());
    server.use(api.put('/api/v1/meetings/{id}/minutes', ({ response }) => response(409).json(problem(409, 'committee.minutes-approved'))));
    renderAt(<Minutes />, { url, path });

    await userEvent.type(await screen.findByLabelText('Minutes (Markdown)'), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toBe(en['error.committee.minutes-approved']);
  });
});
