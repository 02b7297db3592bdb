import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { organisationKindValues } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { CreateOrganisation } from './CreateOrganisation';

describe('CreateOrganisation', () => {
  it('offers every kind the contract knows and ties the server\'s validation messages to their fields', async () => {
    signedIn();
    server.use(api.post('/api/v1/organisations', ({ response }) => response(400).json({
      ...problem(400, 'request.validation', 'One or more fields are not valid.'),
      errors: { country: ['Choose the country the organisation works from.'] },
    })));
    const sent = recordRequests();
    renderAt(<CreateOrganisation />);

    const kinds = [...(screen.getByLabelText('Kind') as HTMLSelectElement).options].map((o) => o.value);
    expect(kinds).toEqual(organisationKindValues);
    await userEvent.type(screen.getByLabelText('Name'), 'Red Campesina');
    await userEvent.type(screen.getByLabelText('Topics (optional)'), 'land, water , land');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    const country = screen.getByLabelText('Country');
    await waitFor(() => expect(country.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toContain('Choose the country the organisation works from.');
    expect(sent[0].body).toMatchObject({ name: 'Red Campesina', kind: 'civil-society-organisation', country: '', topics: ['land', 'water'] });
  }, 15_000);
});
