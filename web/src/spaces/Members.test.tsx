import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { queries } from '../api/queries';
import type { SpaceMember } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { Members } from './Members';

const member = (personId: string, name: string, role: SpaceMember['role']): SpaceMember => ({ personId, name, role, since: '2026-11-01T10:00:00Z' });

function coalitionMembers() {
  let members = [member('p1', 'Ana', 'coordinator'), member('p2', 'Layla', 'member')];
  server.use(
    api.get('/api/v1/coalitions/{id}/members', ({ response }) => response(200).json(members)),
    api.put('/api/v1/coalitions/{id}/members/{personId}/role', async ({ params, request, response }) => {
      const role = (await request.json()).role;
      if (params.personId === 'p1') return response(409).json(problem(409, 'space.last-coordinator'));
      members = members.map((m) => (m.personId === params.personId && role ? { ...m, role } : m));
      return response(204).empty();
    }),
    api.delete('/api/v1/coalitions/{id}/members/{personId}', ({ params, response }) => {
      members = members.filter((m) => m.personId !== params.personId);
      return response(204).empty();
    }),
  );
}

const row = (name: string) => screen.getByText(name).closest('li')!;

describe('Members', () => {
  it('changes a role and shows the role the server now lists', async () => {
    signedIn('p1');
    coalitionMembers();
    const sent = recordRequests();
    renderAt(<Members kind="coalition" id="c1" yourRole="coordinator" />);

    await screen.findByText('Layla');
    await userEvent.selectOptions(within(row('Layla')).getByLabelText('Role of Layla'), 'coordinator');
    await userEvent.click(within(row('Layla')).getByRole('button', { name: 'Change role' }));

    await waitFor(() => expect(within(row('Layla')).getByText(/^coordinator ·/)).toBeTruthy());
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({ path: '/api/v1/coalitions/c1/members/p2/role', body: { role: 'coordinator' } });
    expect((within(row('Layla')).getByRole('button', { name: 'Change role' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('removes someone after confirmation; you cannot remove yourself here', async () => {
    signedIn('p1');
    coalitionMembers();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(<Members kind="coalition" id="c1" yourRole="coordinator" />);

    await screen.findByText('Layla');
    expect(screen.queryByRole('button', { name: 'Remove Ana' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Layla' }));

    await waitFor(() => expect(screen.queryByText('Layla')).toBeNull());
    expect(screen.getByText('Ana')).toBeTruthy();
  });

  it('says why the last coordinator cannot step down', async () => {
    signedIn('p1');
    coalitionMembers();
    renderAt(<Members kind="coalition" id="c1" yourRole="coordinator" />);

    await screen.findByText('Ana');
    await userEvent.selectOptions(within(row('Ana')).getByLabelText('Role of Ana'), 'member');
    await userEvent.click(within(row('Ana')).getByRole('button', { name: 'Change role' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The last coordinator cannot leave or step down.');
  });

  it('reads the person\'s own spaces again after a change of their own role', async () => {
    signedIn('p2');
    let role: SpaceMember['role'] = 'coordinator';
    server.use(
      api.get('/api/v1/coalitions/{id}/members', ({ response }) => response(200).json([member('p1', 'Ana', 'coordinator'), member('p2', 'Layla', role)])),
      api.put('/api/v1/coalitions/{id}/members/{personId}/role', ({ response }) => { role = 'member'; return response(204).empty(); }),
      api.get('/api/v1/me/spaces', ({ response }) => response(200).json([
        { space: { kind: 'coalition', id: 'c1' }, name: 'Coalición por el Agua', visibility: 'public', yourRole: role, parent: null },
      ])),
    );
    function MyRole() {
      const spaces = useQuery(queries.mySpaces());
      return <p>{spaces.data ? `Mine: ${spaces.data[0].yourRole}` : null}</p>;
    }
    renderAt(<><MyRole /><Members kind="coalition" id="c1" yourRole="coordinator" /></>);

    expect(await screen.findByText('Mine: coordinator')).toBeTruthy();
    await userEvent.selectOptions(within(row('Layla')).getByLabelText('Role of Layla'), 'member');
    await userEvent.click(within(row('Layla')).getByRole('button', { name: 'Change role' }));

    expect(await screen.findByText('Mine: member')).toBeTruthy();
  });
});
