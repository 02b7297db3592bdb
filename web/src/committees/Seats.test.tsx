import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Seat } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { Seats } from './Seats';
import { committee, committeeId, member, organisationId, people, personNames, seat } from './testData';

const other = '00000000-0000-7000-8000-0000000000a2';

function seatsApi(seats: () => Seat[], mySpaces: { organisation?: string } = {}) {
  personNames();
  server.use(
    api.get('/api/v1/committees/{id}/seats', ({ response }) => response(200).json(seats())),
    api.get('/api/v1/me/spaces', ({ response }) => response(200).json(mySpaces.organisation ? [{
      space: { kind: 'organisation', id: mySpaces.organisation }, name: 'Red de la Tierra', visibility: 'public', yourRole: 'coordinator', parent: null,
    }] : [])),
  );
}

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

describe('Seats', () => {
  it('lists each seat with its terms and people, and a seat whose term is over as vacant', async () => {
    signedIn(people.representative);
    seatsApi(() => [
      seat(),
      seat({ seatId: 's2', organisationId: other, organisationName: 'Mujeres del Río', kind: 'observer', allotment: 0, termEnd: '2026-01-31T00:00:00Z', representative: null, alternate: null }),
    ]);
    renderAt(<Seats committee={committee('member')} />);

    const held = await screen.findByRole('link', { name: 'Red de la Tierra' });
    const cells = [...held.closest('tr')!.querySelectorAll('td')].map((c) => c.textContent);
    await waitFor(() => expect(within(rowOf('Red de la Tierra')).getByText('Nadia Benali')).toBeTruthy());
    expect(cells.slice(0, 3)).toEqual(['Founding partner', 'From Jan 1, 2026', '2']);
    expect(within(rowOf('Red de la Tierra')).getByText('Tomás Rivera')).toBeTruthy();
    expect(within(rowOf('Mujeres del Río')).getByText('Vacant')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
      ['Organisation', 'Kind of seat', 'Term', 'Votes', 'Representative', 'Alternate', 'Status', 'Actions']);
    // A representative who coordinates no organisation here, and no committee coordinator: nothing to change.
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('Offer a seat to an organisation')).toBeNull();
  });

  it('lets the committee\'s coordinators offer a seat on chosen terms, then list it as offered', async () => {
    signedIn(people.coordinator);
    let seats: Seat[] = [];
    seatsApi(() => seats);
    server.use(
      api.get('/api/v1/organisations', ({ response }) => response(200).json({
        items: [
          { id: other, name: 'Mujeres del Río', kind: 'civil-society-organisation', country: 'CO', region: null, topics: [], visibility: 'public', summary: null },
        ],
        nextCursor: null,
      })),
      api.post('/api/v1/committees/{id}/seats', async ({ request, response }) => {
        const body = await request.json();
        const offered = seat({ seatId: 's9', organisationId: other, organisationName: 'Mujeres del Río', status: 'invited', kind: body.kind, allotment: body.allotment ?? 1, representative: null, alternate: null });
        seats = [offered];
        return response(201).json(offered);
      }),
    );
    const sent = recordRequests();
    renderAt(<Seats committee={committee('coordinator')} />);

    expect(await screen.findByText('No organisation holds or is offered a seat yet.')).toBeTruthy();
    await userEvent.click(screen.getByText('Offer a seat to an organisation'));
    await userEvent.type(screen.getByLabelText('Find an organisation by name'), 'Río');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await userEvent.selectOptions(screen.getByLabelText('Kind of seat'), 'observer');
    expect((screen.getByLabelText('Votes') as HTMLInputElement).value).toBe('0');
    await userEvent.type(screen.getByLabelText('Term ends'), '2027-12-31');
    await userEvent.click(await screen.findByRole('button', { name: 'Offer a seat to Mujeres del Río' }));

    expect(await screen.findByText('A seat was offered to Mujeres del Río. Its coordinators can now accept it.')).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')).toMatchObject({
      path: `/api/v1/committees/${committeeId}/seats`,
      body: { organisationId: other, kind: 'observer', termStart: null, termEnd: '2027-12-31T00:00:00Z', allotment: 0 },
    });
    expect(await screen.findByRole('link', { name: 'Mujeres del Río' })).toBeTruthy();
    // The search result now says what became of it instead of offering a second seat.
    const results = screen.getByRole('list', { name: 'Organisations found' });
    expect(within(results).getByText('Offered')).toBeTruthy();
    expect(within(rowOf('Mujeres del Río')).getByRole('button', { name: 'End seat of Mujeres del Río' })).toBeTruthy();
  });

  it('lets an organisation\'s coordinator accept a seat naming two of its people', async () => {
    signedIn(people.representative);
    let current = seat({ status: 'invited', representative: null, alternate: null });
    seatsApi(() => [current], { organisation: organisationId });
    server.use(
      api.get('/api/v1/organisations/{id}/members', ({ response }) => response(200).json([member(people.representative, 'coordinator'), member(people.alternate)])),
      api.post('/api/v1/committees/{id}/seats/{seatId}/accept', async ({ request, response }) => {
        const body = await request.json();
        current = { ...current, status: 'active', representative: body.representative ?? null, alternate: body.alternate ?? null };
        return response(200).json(current);
      }),
    );
    const sent = recordRequests();
    renderAt(<Seats committee={committee('observer')} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Accept the seat offered to Red de la Tierra' }));
    await userEvent.selectOptions(await screen.findByLabelText('Representative'), 'Nadia Benali');
    await userEvent.selectOptions(screen.getByLabelText('Alternate'), 'Tomás Rivera');
    await userEvent.click(screen.getByRole('button', { name: 'Accept' }));

    await waitFor(() => expect(within(rowOf('Red de la Tierra')).getByText('Held')).toBeTruthy());
    expect(sent.find((r) => r.method === 'POST')).toMatchObject({
      path: `/api/v1/committees/${committeeId}/seats/${current.seatId}/accept`,
      body: { representative: people.representative, alternate: people.alternate },
    });
    expect(within(rowOf('Red de la Tierra')).getByRole('button', { name: 'Step down from the seat of Red de la Tierra' })).toBeTruthy();
  });

  it('shows why the server refused to end a seat', async () => {
    signedIn(people.coordinator);
    seatsApi(() => [seat()]);
    server.use(api.post('/api/v1/committees/{id}/seats/{seatId}/end', ({ response }) => response(409).json(problem(409, 'committee.seat-not-open'))));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(<Seats committee={committee('coordinator')} />);

    await userEvent.click(await screen.findByRole('button', { name: 'End seat of Red de la Tierra' }));

    expect((await screen.findByRole('alert')).textContent).toBe(en['error.committee.seat-not-open']);
  });
});
