import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Proposal } from '../generated/openapi';
import { api, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { Proposals } from './Proposals';
import { committee, committeeId, people, proposal } from './testData';

function proposalsApi(list: () => Proposal[]) {
  server.use(api.get('/api/v1/committees/{id}/proposals', ({ response }) => response(200).json(list())));
}

const rowOf = (title: string) => screen.getByRole('heading', { name: title }).closest('li')!;

describe('Proposals', () => {
  it('lists what sessions proposed with the quote and what became of it, and lets the chair withdraw a draft', async () => {
    signedIn(people.chair);
    let list = [
      proposal(),
      proposal({ proposalId: '00000000-0000-7000-8000-0000000000d2', title: 'Publish the statement', status: 'decided', decisionNumber: 'SC-2026-004', meetingId: '00000000-0000-7000-8000-0000000000f1' }),
    ];
    proposalsApi(() => list);
    server.use(api.post('/api/v1/committees/{id}/proposals/{proposalId}/withdraw', ({ params, response }) => {
      list = list.map((p) => (p.proposalId === params.proposalId ? { ...p, status: 'withdrawn' } : p));
      return response(200).json(list.find((p) => p.proposalId === params.proposalId)!);
    }));
    const sent = recordRequests();
    renderAt(<Proposals committee={committee('member')} />);

    const draft = await waitFor(() => rowOf('Water for every municipality'));
    expect(within(draft).getByText('Acuerdo sobre el agua')).toBeTruthy();
    expect(draft.textContent).toContain('Draft, waiting for a meeting');
    const decided = rowOf('Publish the statement');
    expect(decided.textContent).toContain('SC-2026-004');
    expect(within(decided).queryByRole('button', { name: 'Withdraw' })).toBeNull();

    await userEvent.click(within(draft).getByRole('button', { name: 'Withdraw' }));

    await waitFor(() => expect(rowOf('Water for every municipality').textContent).toContain('Withdrawn'));
    expect(within(rowOf('Water for every municipality')).queryByRole('button', { name: 'Withdraw' })).toBeNull();
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/api/v1/committees/${committeeId}/proposals/${proposal().proposalId}/withdraw`]);
  });

  it('offers nothing to change to someone who does not run the committee', async () => {
    signedIn(people.representative);
    proposalsApi(() => [proposal()]);
    renderAt(<Proposals committee={committee('member')} />);

    await waitFor(() => rowOf('Water for every municipality'));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
