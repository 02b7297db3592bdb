import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ResponseKind } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { RoundReport } from './RoundReport';
import { comment, documentId, people, report, round, roundId, thread } from './testData';

const at = { url: `/feedback-rounds/${roundId}/report`, path: '/feedback-rounds/:id/report' };

describe('RoundReport', () => {
  it('shows each section\'s threads with their group and organisation, and saves the drafting team\'s response', async () => {
    signedIn(people.drafter);
    let current = report();
    server.use(
      api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(200).json(round({ canManage: true }))),
      api.get('/api/v1/feedback-rounds/{id}/report', ({ response }) => response(200).json(current)),
      api.put('/api/v1/documents/{id}/comments/{commentId}/response', async ({ request, response }) => {
        const body = await request.json();
        const answered = comment({ response: { kind: body.kind ?? 'accepted', reply: body.reply ?? null, responderPersonId: people.drafter, at: '2026-03-02T10:00:00Z' } },
          { responderName: 'Karim Haddad' });
        current = report({ sections: [current.sections[0]!, { ...current.sections[1]!, threads: [thread(answered)] }] });
        return response(200).json(answered);
      }),
    );
    const sent = recordRequests();
    renderAt(<RoundReport />, at);

    expect(await screen.findByRole('heading', { level: 1, name: 'Report: Consultation on the draft' })).toBeTruthy();
    expect(screen.getByText(/On National action plan/).textContent).toContain('1 comment');
    expect(within(screen.getByRole('region', { name: 'Introduction' })).getByText('No comments yet.')).toBeTruthy();
    const water = screen.getByRole('region', { name: 'Water' });
    expect(within(water).getByText('From Water subgroup')).toBeTruthy();
    expect(within(water).getByText('Wells need upkeep money too.').closest('article')!.textContent).toContain('Red de la Tierra');

    const form = await within(water).findByRole('form', { name: 'Response to Nadia Benali' });
    expect((within(form).getByRole('button', { name: 'Save the response' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(within(form).getByLabelText('Response'), 'partly-accepted' satisfies ResponseKind);
    await userEvent.type(within(form).getByLabelText('Reply to the commenter (optional)'), 'Folded into chapter 3.');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the response' }));

    const answer = await within(water).findByText('Karim Haddad');
    expect(answer.closest('.response')!.textContent).toContain('Partly accepted');
    expect(await within(form).findByText('Response saved.')).toBeTruthy();
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({
      path: `/api/v1/documents/${documentId}/comments/00000000-0000-7000-8000-0000000c0001/response`,
      body: { kind: 'partly-accepted', reply: 'Folded into chapter 3.' },
    });
  });

  it('shows a commenter the responses without a form, and downloads the Markdown and CSV with the bearer token', async () => {
    signedIn(people.commenter);
    const answered = comment({ response: { kind: 'not-taken', reply: 'Out of scope.', responderPersonId: people.drafter, at: '2026-03-02T10:00:00Z' } });
    server.use(
      api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(200).json(round())),
      api.get('/api/v1/feedback-rounds/{id}/report', ({ response }) => response(200).json(report({ sections: [{ sectionId: 'water', level: 2, heading: 'Water', threads: [thread(answered)] }] }))),
      api.get('/api/v1/feedback-rounds/{id}/report.md', ({ response }) => response(200).text('# Report\n')),
      api.get('/api/v1/feedback-rounds/{id}/report.csv', ({ response }) => response(200).text('section,text\r\n')),
    );
    const sent = recordRequests();
    vi.stubGlobal('URL', class extends URL {
      static createObjectURL = () => 'blob:report';
      static revokeObjectURL = () => {};
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderAt(<RoundReport />, at);

    expect(await screen.findByText('Not taken')).toBeTruthy();
    expect(screen.getByText('Out of scope.')).toBeTruthy();
    await waitFor(() => expect(sent.some((r) => r.path === `/api/v1/feedback-rounds/${roundId}`)).toBe(true));
    expect(screen.queryByRole('form')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Download as Markdown (.md)' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    await userEvent.click(screen.getByRole('button', { name: 'Download as CSV (.csv)' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect(sent.find((r) => r.path.endsWith('/report.md'))!.headers.get('Authorization')).toBe('Bearer nht_test');
    expect(sent.find((r) => r.path.endsWith('/report.csv'))!.headers.get('Authorization')).toBe('Bearer nht_test');
    vi.unstubAllGlobals();
  });

  it('shows why the report is refused', async () => {
    signedIn(people.commenter);
    server.use(
      api.get('/api/v1/feedback-rounds/{id}', ({ response }) => response(401).json(problem(401, 'auth.sign-in-required'))),
      api.get('/api/v1/feedback-rounds/{id}/report', ({ response }) => response(401).json(problem(401, 'auth.sign-in-required'))),
    );
    renderAt(<RoundReport />, at);

    expect((await screen.findByRole('alert')).textContent).toBe(en['error.auth.sign-in-required']);
  });
});
