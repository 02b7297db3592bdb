import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { RulesAndOffices } from './RulesAndOffices';
import { committee, committeeId, member, people, personNames, seat } from './testData';

const facts = () => [...screen.getAllByRole('definition')].map((d) => d.textContent);

describe('RulesAndOffices', () => {
  it('shows the rules and who holds each office, with nothing to change for a member', async () => {
    signedIn(people.representative);
    personNames();
    renderAt(<RulesAndOffices committee={committee('member', { offices: { chair: people.chair, coChairs: [people.coordinator], secretary: null } })} />);

    expect(await screen.findByText('Aminata Diallo')).toBeTruthy();
    expect(await screen.findByText('Karim Haddad')).toBeTruthy();
    expect(facts()).toEqual(['More than 50 % of the votes present', 'Simple majority', '1', 'SC', 'Aminata Diallo', 'Karim Haddad', 'Vacant']);
    expect(screen.queryByText('Change the rules')).toBeNull();
    expect(screen.queryByText('Change the office holders')).toBeNull();
  });

  it('sends a coordinator\'s new rules with the profile as read, against the version read', async () => {
    signedIn(people.coordinator);
    personNames();
    const current = committee('coordinator');
    server.use(
      api.put('/api/v1/committees/{id}', async ({ request, response }) => {
        const body = await request.json();
        return response(200).json({ ...current, version: 4, code: body.code ?? current.code });
      }),
      api.get('/api/v1/committees/{id}/members', ({ response }) => response(200).json([])),
      api.get('/api/v1/committees/{id}/seats', ({ response }) => response(200).json([])),
    );
    const sent = recordRequests();
    renderAt(<RulesAndOffices committee={current} />);

    await userEvent.click(screen.getByText('Change the rules'));
    await userEvent.selectOptions(screen.getByLabelText('Kind of quorum'), 'at-least-count');
    await userEvent.clear(screen.getByLabelText('Quorum value'));
    await userEvent.type(screen.getByLabelText('Quorum value'), '7');
    await userEvent.selectOptions(screen.getByLabelText('Default voting method'), 'two-thirds');
    await userEvent.clear(screen.getByLabelText('Decision code'));
    await userEvent.type(screen.getByLabelText('Decision code'), 'cdp');
    await userEvent.click(within(screen.getByLabelText('Kind of quorum').closest('form')!).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/api/v1/committees/${committeeId}`);
    expect(put.headers.get('If-Match')).toBe('"v3"');
    expect(put.body).toEqual({
      name: 'Steering Committee', mandate: null, visibility: 'members-only', requireTwoFactor: false, code: 'CDP',
      rules: { quorumKind: 'at-least-count', quorumValue: 7, defaultMethod: 'two-thirds', maxProxiesPerHolder: 1 },
    });
  });

  it('offers the committee\'s people and the people of its seats for the offices, and shows a refusal', async () => {
    signedIn(people.coordinator);
    personNames();
    server.use(
      api.get('/api/v1/committees/{id}/members', ({ response }) => response(200).json([member(people.chair), member(people.secretary), member(people.coordinator, 'coordinator')])),
      api.get('/api/v1/committees/{id}/seats', ({ response }) => response(200).json([seat()])),
      api.put('/api/v1/committees/{id}/offices', ({ response }) => response(422).json(problem(422, 'committee.office-holder-not-in-committee'))),
    );
    const sent = recordRequests();
    renderAt(<RulesAndOffices committee={committee('coordinator')} />);

    await userEvent.click(screen.getByText('Change the office holders'));
    const coChairs = await screen.findByRole('group', { name: 'Co-chairs' });
    await within(coChairs).findByLabelText('Nadia Benali');
    await userEvent.click(within(coChairs).getByLabelText('Nadia Benali'));
    await userEvent.selectOptions(screen.getByLabelText('Secretary'), 'Tomás Rivera');
    const saves = screen.getAllByRole('button', { name: 'Save' });
    await userEvent.click(saves[saves.length - 1]);

    expect((await screen.findByRole('alert')).textContent).toBe(en['error.committee.office-holder-not-in-committee']);
    expect(sent.find((r) => r.method === 'PUT')!.body).toEqual({ chair: people.chair, coChairs: [people.representative], secretary: people.alternate });
  });
});
