import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Decision } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { DecisionRegister } from './DecisionRegister';
import { committeeId, people } from './testData';

const decision = (sequence: number, title: string): Decision => ({
  number: `SC-2026-${String(sequence).padStart(3, '0')}`, committeeId, year: 2026, sequence, meetingId: `m${sequence}`, motionId: `mo${sequence}`,
  title, text: `${title}, as moved.`, ballot: 'open', decidedAt: '2026-03-02T10:00:00Z',
  result: { outcome: 'adopted', method: 'simple-majority', totals: { yes: 8, no: 2, abstain: 1 }, presentAllotments: 11, votingAllotments: 12, quorumRequired: 7, quorumMet: true },
});

describe('DecisionRegister', () => {
  it('lists decisions by number, reads the next page after the last number, and searches', async () => {
    signedIn(people.representative);
    server.use(api.get('/api/v1/committees/{id}/decisions', ({ query, response }) => {
      if (query.get('q') === 'budget') return response(200).json({ decisions: [decision(14, 'Budget 2026')], nextAfter: null });
      return query.get('after') === 'SC-2026-001'
        ? response(200).json({ decisions: [decision(2, 'Forum in Dakar')], nextAfter: null })
        : response(200).json({ decisions: [decision(1, 'Terms of reference')], nextAfter: 'SC-2026-001' });
    }));
    const sent = recordRequests();
    renderAt(<DecisionRegister committeeId={committeeId} />);

    const first = (await screen.findByRole('rowheader', { name: 'SC-2026-001' })).closest('tr')!;
    expect(within(first).getByText('Terms of reference')).toBeTruthy();
    expect(within(first).getByText('8 yes, 2 no, 1 abstentions')).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Open the meeting of decision SC-2026-001' }).getAttribute('href')).toBe('/meetings/m1');
    await userEvent.click(screen.getByRole('button', { name: 'Show more decisions' }));
    expect(await screen.findByRole('rowheader', { name: 'SC-2026-002' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more decisions' })).toBeNull();

    await userEvent.type(screen.getByLabelText('Words in the title or text'), 'budget');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('rowheader', { name: 'SC-2026-014' })).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: 'SC-2026-001' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(`/api/v1/committees/${committeeId}/decisions.csv?q=budget`);
    expect(sent.map((r) => r.path)).toEqual([
      `/api/v1/committees/${committeeId}/decisions?limit=50`,
      `/api/v1/committees/${committeeId}/decisions?after=SC-2026-001&limit=50`,
      `/api/v1/committees/${committeeId}/decisions?q=budget&limit=50`,
    ]);
  });

  it('downloads the CSV with the bearer token', async () => {
    signedIn(people.representative);
    server.use(api.get('/api/v1/committees/{id}/decisions', ({ response }) => response(200).json({ decisions: [], nextAfter: null })));
    server.use(api.get('/api/v1/committees/{id}/decisions.csv', ({ response }) => response(200).text('number,title\r\n')));
    const sent = recordRequests();
    vi.stubGlobal('URL', class extends URL {
      static createObjectURL = () => 'blob:csv';
      static revokeObjectURL = () => {};
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderAt(<DecisionRegister committeeId={committeeId} />);

    expect(await screen.findByText('No decisions yet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'Download as CSV' }));

    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    expect(sent.find((r) => r.path.includes('.csv'))!.headers.get('Authorization')).toBe('Bearer nht_test');
  });

  it('shows why the register is refused', async () => {
    signedIn(people.outsider);
    server.use(api.get('/api/v1/committees/{id}/decisions', ({ response }) => response(403).json(problem(403, 'space.contents-hidden'))));
    renderAt(<DecisionRegister committeeId={committeeId} />);

    expect((await screen.findByRole('alert')).textContent).toBe(en['error.space.contents-hidden']);
  });
});
