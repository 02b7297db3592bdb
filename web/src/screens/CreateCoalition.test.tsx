import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, on, renderAt, signedIn } from '../testing/render';
import { CreateCoalition } from './CreateCoalition';

describe('CreateCoalition', () => {
  it('sends the same Idempotency-Key when a failed submit is retried, and never an id of its own', async () => {
    signedIn();
    let answers = 0;
    const calls = fakeApi(on('POST', '/api/v1/coalitions', () => (answers++ === 0
      ? { status: 503, body: { code: 'service.unavailable', detail: 'Try again shortly.' } }
      : { status: 201, body: { id: 'c1', name: 'Paz' } })));
    renderAt(<CreateCoalition />);

    await userEvent.type(screen.getByLabelText('Name'), 'Paz');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(calls).toHaveLength(2));
    const [first, retry] = calls;
    expect(first.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry.headers['Idempotency-Key']).toBe(first.headers['Idempotency-Key']);
    expect(first.body).not.toHaveProperty('id');
    expect(retry.body).toEqual(first.body);
  }, 15_000);

  it('sends the kind and whether coordinators see inside its spaces', async () => {
    signedIn();
    const calls = fakeApi(on('POST', '/api/v1/coalitions', { status: 201, body: { id: 'c1', name: 'Parceria' } }));
    renderAt(<CreateCoalition />);

    await userEvent.type(screen.getByLabelText('Name'), 'Parceria');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'partnership');
    await userEvent.click(screen.getByLabelText('Coordinators see inside its working groups and forums'));
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toMatchObject({ name: 'Parceria', kind: 'partnership', coordinatorsSeeChildSpaces: false });
  }, 15_000);
});
