import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { MyActionItems } from './MyActionItems';
import { actionItem, committeeId, people } from './testData';

function mySpaces() {
  server.use(api.get('/api/v1/me/spaces', ({ response }) => response(200).json([
    { space: { kind: 'committee', id: committeeId }, name: 'Steering Committee', visibility: 'members-only', yourRole: 'member', parent: null },
  ])));
}

describe('MyActionItems', () => {
  it('lists what the person owes, with its committee, and moves an item along', async () => {
    signedIn(people.representative);
    mySpaces();
    let items = [actionItem(), actionItem({ itemId: 'i2', title: 'Book the venue', overdue: true })];
    server.use(
      api.get('/api/v1/me/action-items', ({ response }) => response(200).json(items)),
      api.put('/api/v1/committees/{id}/action-items/{itemId}/status', async ({ params, request, response }) => {
        const status = (await request.json()).status ?? 'open';
        items = items.filter((i) => i.itemId !== params.itemId || status !== 'done');
        return response(200).json({ ...actionItem(), status });
      }),
    );
    const sent = recordRequests();
    renderAt(<MyActionItems />);

    expect(await screen.findByRole('heading', { level: 1, name: 'My action items' })).toBeTruthy();
    expect(await screen.findByText('2 action items')).toBeTruthy();
    const row = screen.getByText('Book the venue').closest('li')!;
    await waitFor(() => expect(within(row).getByRole('link', { name: 'Steering Committee' }).getAttribute('href')).toBe(`/committees/${committeeId}/action-items`));
    await userEvent.selectOptions(within(row).getByLabelText('Status of Book the venue'), 'done');
    await userEvent.click(within(row).getByRole('button', { name: 'Update the status of Book the venue' }));

    await waitFor(() => expect(screen.queryByText('Book the venue')).toBeNull());
    expect(screen.getByText('1 action item')).toBeTruthy();
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({ path: `/api/v1/committees/${committeeId}/action-items/i2/status`, body: { status: 'done' } });
  });

  it('says when nothing is owed, and counts in Arabic', async () => {
    signedIn(people.representative);
    mySpaces();
    server.use(api.get('/api/v1/me/action-items', ({ response }) => response(200).json([actionItem(), actionItem({ itemId: 'i2' })])));
    renderAt(<MyActionItems />, { locale: 'ar' });

    expect(await screen.findByText('بندا عمل')).toBeTruthy();
  });

  it('shows why the list is refused', async () => {
    signedIn(people.representative);
    mySpaces();
    server.use(api.get('/api/v1/me/action-items', ({ response }) => response(401).json(problem(401, 'auth.sign-in-required'))));
    renderAt(<MyActionItems />);

    expect((await screen.findByRole('alert')).textContent).toBe(en['error.auth.sign-in-required']);
  });
});
