import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { ActionItems } from './ActionItems';
import { actionItem, committee, committeeId, member, people, personNames, seat } from './testData';

function actionItemsApi(items: () => ActionItem[]) {
  personNames();
  server.use(
    api.get('/api/v1/committees/{id}/action-items', ({ query, response }) =>
      response(200).json(items().filter((i) => query.get('overdue') !== 'true' || i.overdue))),
    api.get('/api/v1/committees/{id}/seats', ({ response }) => response(200).json([seat()])),
    api.get('/api/v1/committees/{id}/members', ({ response }) => response(200).json([member(people.chair), member(people.representative)])),
  );
}

const rowOf = (title: string) => screen.getByText(title).closest('li')!;

describe('ActionItems', () => {
  it('lists items with who owes them, and the overdue ones alone on request', async () => {
    signedIn(people.outsider);
    actionItemsApi(() => [
      actionItem(),
      actionItem({ itemId: 'i2', title: 'Book the venue', assignee: { personId: null, seatId: seat().seatId }, overdue: true, dueAt: '2026-01-05T00:00:00Z' }),
    ]);
    const sent = recordRequests();
    renderAt(<ActionItems committee={committee('observer')} />);

    await waitFor(() => expect(within(rowOf('Send the budget to partners')).getByText('Nadia Benali')).toBeTruthy());
    await waitFor(() => expect(within(rowOf('Book the venue')).getByText('Red de la Tierra')).toBeTruthy());
    expect(within(rowOf('Book the venue')).getByText('Overdue')).toBeTruthy();
    // An observer who owes nothing changes nothing and adds nothing.
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('Add an action item')).toBeNull();

    await userEvent.click(screen.getByLabelText('Overdue only'));
    await waitFor(() => expect(screen.queryByText('Send the budget to partners')).toBeNull());
    expect(screen.getByText('Book the venue')).toBeTruthy();
    expect(sent.map((r) => r.path).filter((p) => p.includes('action-items'))).toEqual([
      `/api/v1/committees/${committeeId}/action-items`, `/api/v1/committees/${committeeId}/action-items?overdue=true`,
    ]);
  });

  it('lets the person who owes an item move it along', async () => {
    signedIn(people.representative);
    let items = [actionItem()];
    actionItemsApi(() => items);
    server.use(api.put('/api/v1/committees/{id}/action-items/{itemId}/status', async ({ request, response }) => {
      const status = (await request.json()).status ?? 'open';
      items = [{ ...items[0], status, version: items[0].version + 1 }];
      return response(200).json(items[0]);
    }));
    const sent = recordRequests();
    renderAt(<ActionItems committee={committee('member')} />);

    const row = () => rowOf('Send the budget to partners');
    await screen.findByText('Send the budget to partners');
    await userEvent.selectOptions(within(row()).getByLabelText('Status of Send the budget to partners'), 'done');
    await userEvent.click(within(row()).getByRole('button', { name: 'Update the status of Send the budget to partners' }));

    await waitFor(() => expect(within(row()).getByText(/^Done ·/)).toBeTruthy());
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({ path: `/api/v1/committees/${committeeId}/action-items/${items[0].itemId}/status`, body: { status: 'done' } });
  });

  it('lets the secretary add an item owed by a seat, and shows a refusal', async () => {
    signedIn(people.secretary);
    actionItemsApi(() => []);
    let refuse = true;
    server.use(api.post('/api/v1/committees/{id}/action-items', async ({ request, response }) => {
      if (refuse) { refuse = false; return response(409).json(problem(409, 'committee.too-many-action-items')); }
      const body = await request.json();
      return response(201).json(actionItem({ title: body.title }));
    }));
    const sent = recordRequests();
    renderAt(<ActionItems committee={committee('member')} />);

    expect(await screen.findByText('No action items.')).toBeTruthy();
    await userEvent.click(screen.getByText('Add an action item'));
    await userEvent.type(screen.getByLabelText('What is to be done'), 'Book the venue');
    await userEvent.selectOptions(await screen.findByLabelText('Owed by'), 'Red de la Tierra');
    await userEvent.type(screen.getByLabelText('Due date'), '2027-02-01');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe(en['error.committee.too-many-action-items']);

    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('The action item was added.')).toBeTruthy();
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts[1].body).toEqual({
      title: 'Book the venue', notes: null, assigneePersonId: null, assigneeSeatId: seat().seatId, dueAt: '2027-02-01T00:00:00Z', meetingId: null, decisionNumber: null,
    });
    // The same key for the retry of one form: a lost answer adds nothing twice.
    expect(posts[1].headers.get('Idempotency-Key')).toBe(posts[0].headers.get('Idempotency-Key'));
  });
});
