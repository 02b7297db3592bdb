import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { fakeApi, on, renderAt } from '../testing/render';
import { SignIn } from './SignIn';
import { Register } from './Register';

describe('SignIn', () => {
  it('labels its fields and says, in the chosen language, when the password is wrong', async () => {
    fakeApi(on('POST', '/api/v1/auth/token', { status: 401, body: { code: 'auth.invalid-credentials', detail: 'no' } }));
    renderAt(<SignIn />, { locale: 'es' });

    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'not the password');
    await userEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));

    expect((await screen.findByRole('alert')).textContent).toBe('El correo electrónico o la contraseña no son correctos.');
  });

  it('stores the session and leaves for the page it was asked to return to', async () => {
    const calls = fakeApi(on('POST', '/api/v1/auth/token', {
      body: { token: 'nht_new', tokenType: 'Bearer', expiresAt: '2999-01-01T00:00:00Z', personId: 'p1' },
    }));
    renderAt(<SignIn />, { url: '/sign-in?next=%2Finvitations%2Fabc' });

    await userEvent.type(screen.getByLabelText('E-mail address'), ' ana@example.org ');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(JSON.parse(localStorage.getItem('networkhub.session') ?? '{}').token).toBe('nht_new'));
    expect(calls[0].body).toEqual({ email: 'ana@example.org', password: 'correct horse battery' });
  });

  it('asks for the authenticator code when the password step answers with a challenge', async () => {
    const calls = fakeApi(
      on('POST', '/api/v1/auth/token', { status: 202, body: { challenge: 'ch_1', expiresAt: '2999-01-01T00:00:00Z' } }),
      on('POST', '/api/v1/auth/second-factor', {
        body: { token: 'nht_2fa', tokenType: 'Bearer', expiresAt: '2999-01-01T00:00:00Z', personId: 'p1' },
      }),
    );
    renderAt(<SignIn />, { locale: 'es' });

    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    await userEvent.type(await screen.findByLabelText('Código'), ' 123456 ');
    await userEvent.click(screen.getByRole('button', { name: 'Continuar' }));

    await waitFor(() => expect(JSON.parse(localStorage.getItem('networkhub.session') ?? '{}').token).toBe('nht_2fa'));
    expect(calls[1].body).toEqual({ email: 'ana@example.org', challenge: 'ch_1', code: '123456' });
  });
});

describe('Register', () => {
  it('ties validation messages from the API to their fields', async () => {
    fakeApi(on('POST', '/api/v1/accounts', {
      status: 400,
      body: { code: 'request.validation', errors: { password: ['The field Password must be at least 10 characters.'] } },
    }));
    renderAt(<Register />);

    await userEvent.type(screen.getByLabelText('Your name'), 'Ana');
    await userEvent.type(screen.getByLabelText('E-mail address'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const described = password.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('The field Password must be at least 10 characters.');
    expect(screen.getByRole('alert').textContent).toContain('Please correct the following:');
  });

  it('sends the invitation token along when registering from an invitation link', async () => {
    const calls = fakeApi(
      on('POST', '/api/v1/accounts', { status: 202, body: { next: 'sign-in' } }),
      on('POST', '/api/v1/auth/token', { body: { token: 'nht_2', tokenType: 'Bearer', expiresAt: '2999-01-01T00:00:00Z', personId: 'p2' } }),
    );
    renderAt(<Register />, { url: '/register?invitation=coalition.a.b.secret' });

    expect(screen.getByText(/You are joining with an invitation/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Your name'), 'ليلى');
    await userEvent.type(screen.getByLabelText('E-mail address'), 'layla@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0].body).toMatchObject({ displayName: 'ليلى', invitation: 'coalition.a.b.secret' });
  });

  it('sends a registrant whose sign-in fails to the sign-in screen, telling what happens next either way', async () => {
    fakeApi(
      on('POST', '/api/v1/accounts', { status: 202, body: { next: 'sign-in' } }),
      on('POST', '/api/v1/auth/token', { status: 401, body: { code: 'auth.invalid-credentials', detail: 'no' } }),
    );
    renderAt(
      <Routes>
        <Route path="/register" element={<Register />} />
        <Route path="/sign-in" element={<SignIn />} />
      </Routes>,
      { url: '/register?invitation=coalition.a.b.secret', locale: 'es' },
    );

    await userEvent.type(screen.getByLabelText('Tu nombre'), 'Ana');
    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Crear cuenta' }));

    expect((await screen.findByRole('status')).textContent).toBe(
      'Si esta dirección era nueva, tu cuenta está lista: inicia sesión. Si ya tenía una cuenta, inicia sesión con la contraseña que le pusiste.');
    expect(screen.getByRole('button', { name: 'Iniciar sesión' })).toBeTruthy();
  });
});
