import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { Audit } from './Audit';

const entry = (sequence: number, action: string, actorPersonId: string | null): AuditEntry => ({
  sequence, at: '2026-11-01T10:00:00Z', actorPersonId, actorOrganisationId: null, action, subjectId: null, detail: null,
});

describe('Audit', () => {
  it('reads the log a page at a time after the last sequence, naming each person once', async () => {
    signedIn();
    server.use(
      api.get('/api/v1/coalitions/{id}/audit', ({ query, response }) =>
        query.get('after') === '2'
          ? response(200).json({ entries: [entry(3, 'member.left', 'p1')], nextAfter: null })
          : response(200).json({ entries: [entry(1, 'member.joined', 'p1'), entry(2, 'something.new', null)], nextAfter: 2 })),
      api.get('/api/v1/people/{personId}', ({ params, response }) =>
        params.personId === 'p1'
          ? response(200).json({ id: 'p1', name: 'Ana', displayName: 'Ana', pseudonym: null, email: null, country: null, languages: [], version: 1 })
          : response(404).json(problem(404, 'person.not-found'))),
    );
    const sent = recordRequests();
    renderAt(<Audit kind="coalition" id="c1" />);

    expect(await screen.findByText('Member joined')).toBeTruthy();
    // An action this version does not know reads as its code.
    expect(screen.getAllByText('something.new')).toHaveLength(2);
    expect(await screen.findByText('Ana')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));

    expect(await screen.findByText('Member left')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('Ana')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(sent.filter((r) => r.path.includes('/audit')).map((r) => r.path))
      .toEqual(['/api/v1/coalitions/c1/audit?limit=50', '/api/v1/coalitions/c1/audit?after=2&limit=50']);
    expect(sent.filter((r) => r.path.startsWith('/api/v1/people/'))).toHaveLength(1);
  });
});
