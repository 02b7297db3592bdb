import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { CommitteeMeetings } from './CommitteeMeetings';
import { committee, committeeId, meetingView, member, people } from './testData';

const meeting = (id: string, title: string, patch: Partial<MeetingSummary> = {}): MeetingSummary => ({
  committeeId, meetingId: id, title, type: 'regular', status: 'scheduled', startsAt: '2099-03-02T14:00:00Z', deadline: null, timeZone: 'America/Bogota', ...patch,
});

function meetingsApi(meetings: () => MeetingSummary[]) {
  server.use(
    api.get('/api/v1/committees/{id}/meetings', ({ response }) => response(200).json(meetings())),
    api.get('/api/v1/committees/{id}/members', ({ response }) => response(200).json([member(people.chair), member(people.secretary)])),
  );
}

describe('CommitteeMeetings', () => {
  it('lists upcoming meetings soonest first and past ones apart, each at its time in its own zone, linking to its room', async () => {
    signedIn(people.representative);
    meetingsApi(() => [
      meeting('m3', 'Annual retreat', { type: 'retreat', startsAt: '2099-06-01T08:00:00Z', timeZone: 'Africa/Dakar' }),
      meeting('m2', 'Budget', { type: 'written-procedure', startsAt: '2099-03-01T00:00:00Z', deadline: '2099-03-08T17:00:00Z', timeZone: 'UTC' }),
      meeting('m1', 'First meeting', { status: 'closed', startsAt: '2026-01-15T14:00:00Z' }),
    ]);
    renderAt(<CommitteeMeetings committee={committee('member')} />);

    const upcoming = await screen.findByRole('list', { name: 'Upcoming' });
    expect(within(upcoming).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Budget', '/meetings/m2'], ['Annual retreat', '/meetings/m3']]);
    expect(within(upcoming).getByText('Jun 1, 2099, 8:00 AM (Africa/Dakar)')).toBeTruthy();
    expect(within(upcoming).getByText('Responses until Mar 8, 2099, 5:00 PM (UTC)')).toBeTruthy();
    const past = screen.getByRole('list', { name: 'Past' });
    expect(within(past).getByText('Jan 15, 2026, 9:00 AM (America/Bogota)')).toBeTruthy();
    expect(within(past).getByRole('link', { name: 'Minutes' }).getAttribute('href')).toBe('/meetings/m1/minutes');
    expect(screen.queryByText('Schedule a meeting')).toBeNull();
  });

  it('schedules a written procedure for the secretary, with times read in the zone chosen and an idempotency key', async () => {
    signedIn(people.secretary);
    let meetings: MeetingSummary[] = [];
    meetingsApi(() => meetings);
    server.use(api.post('/api/v1/committees/{id}/meetings', async ({ request, response }) => {
      const body = await request.json();
      meetings = [meeting('m9', body.title, { type: 'written-procedure', startsAt: body.startsAt!, deadline: body.deadline, timeZone: body.timeZone })];
      return response(201).json(meetingView({ meetingId: 'm9', title: body.title, status: 'scheduled' }));
    }));
    const sent = recordRequests();
    renderAt(<CommitteeMeetings committee={committee('member')} />);

    await userEvent.click(await screen.findByText('Schedule a meeting'));
    await userEvent.type(screen.getByLabelText('Title'), 'Approve the budget');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'written-procedure');
    await userEvent.type(screen.getByLabelText('Opens on'), '2099-03-01T09:00');
    await userEvent.type(screen.getByLabelText('Responses until'), '2099-03-08T18:00');
    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'Europe/Paris');
    await userEvent.type(screen.getByLabelText('Title of item 1'), 'Budget 2099');
    await userEvent.selectOptions(screen.getByLabelText('Presenter of item 1'), 'Lucía Pérez');
    await userEvent.type(screen.getByLabelText('Papers for item 1'), 'Draft budget | https://docs.example.org/budget');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }));

    expect(await screen.findByRole('link', { name: 'Approve the budget' })).toBeTruthy();
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/v1/committees/${committeeId}/meetings`);
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({
      title: 'Approve the budget', type: 'written-procedure', startsAt: '2099-03-01T08:00:00.000Z', timeZone: 'Europe/Paris', place: null, onlineLink: null,
      deadline: '2099-03-08T17:00:00.000Z', agenda: [{ title: 'Budget 2099', presenter: people.secretary, papers: [{ title: 'Draft budget', url: 'https://docs.example.org/budget', documentId: null }] }],
    });
  });

  it('shows the server\'s reason when scheduling is refused, and an unknown zone before sending', async () => {
    signedIn(people.chair);
    meetingsApi(() => []);
    server.use(api.post('/api/v1/committees/{id}/meetings', ({ response }) => response(403).json(problem(403, 'committee.not-secretary'))));
    const sent = recordRequests();
    renderAt(<CommitteeMeetings committee={committee('member')} />);

    await userEvent.click(await screen.findByText('Schedule a meeting'));
    await userEvent.type(screen.getByLabelText('Title'), 'Q1');
    await userEvent.type(screen.getByLabelText('Date and time'), '2099-03-01T09:00');
    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'Mars/Olympus');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText(/This time zone is unknown/)).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'UTC');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only the chair or the secretary can do this.');
  });
});
