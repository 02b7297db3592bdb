import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import type { AccessToken } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt } from '../testing/render';
import { SignIn } from './SignIn';
import { Register } from './Register';

const token = (value: string): AccessToken =>
  ({ token: value, tokenType: 'Bearer', expiresAt: '2999-01-01T00:00:00Z', personId: '0190f000-0000-7000-8000-000000000002' });
const wrongPassword = api.post('/api/v1/auth/token', ({ response }) => response(401).json(problem(401, 'auth.invalid-credentials', 'no')));
const registered = api.post('/api/v1/accounts', ({ response }) => response(202).json({ next: 'sign-in' }));

function Where() {
  const { pathname, search } = useLocation();
  return <p>at {pathname + search}</p>;
}

/** The screen at `path`, and anywhere else a line saying where the app went. */
function renderWithLanding(path: string, screenUnderTest: ReactElement, options: Parameters<typeof renderAt>[1]) {
  return renderAt(
    <Routes>
      <Route path={path} element={screenUnderTest} />
      <Route path="*" element={<Where />} />
    </Routes>,
    options,
  );
}

describe('SignIn', () => {
  it('labels its fields and says, in the chosen language, when the password is wrong', async () => {
    server.use(wrongPassword);
    renderAt(<SignIn />, { locale: 'es' });

    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'not the password');
    await userEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));

    expect((await screen.findByRole('alert')).textContent).toBe('El correo electrónico o la contraseña no son correctos.');
  });

  it('stores the session and leaves for the page it was asked to return to', async () => {
    server.use(api.post('/api/v1/auth/token', ({ response }) => response(200).json(token('nht_new'))));
    const sent = recordRequests();
    renderWithLanding('/sign-in', <SignIn />, { url: '/sign-in?next=%2Finvitations%2Fabc' });

    await userEvent.type(screen.getByLabelText('E-mail address'), ' ana@example.org ');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('at /invitations/abc')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('networkhub.session') ?? '{}').token).toBe('nht_new');
    expect(sent[0].body).toEqual({ email: 'ana@example.org', password: 'correct horse battery' });
  });

  it('asks for the authenticator code when the password step answers with a challenge', async () => {
    server.use(
      api.post('/api/v1/auth/token', ({ response }) => response(202).json({ challenge: 'ch_1', expiresAt: '2999-01-01T00:00:00Z' })),
      api.post('/api/v1/auth/second-factor', async ({ request, response }) => (await request.json()).code === '123456'
        ? response(200).json(token('nht_2fa'))
        : response(401).json(problem(401, 'auth.invalid-code', 'no'))),
    );
    const sent = recordRequests();
    renderWithLanding('/sign-in', <SignIn />, { url: '/sign-in', locale: 'es' });

    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    await userEvent.type(await screen.findByLabelText('Código'), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Continuar' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ese código no es correcto o ya se ha usado.');
    expect(localStorage.getItem('networkhub.session')).toBeNull();
    await userEvent.clear(screen.getByLabelText('Código'));
    await userEvent.type(screen.getByLabelText('Código'), ' 123456 ');
    await userEvent.click(screen.getByRole('button', { name: 'Continuar' }));

    expect(await screen.findByText('at /spaces')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('networkhub.session') ?? '{}').token).toBe('nht_2fa');
    expect(sent[2].body).toEqual({ email: 'ana@example.org', challenge: 'ch_1', code: '123456' });
  });
});

describe('Register', () => {
  it('ties validation messages from the API to their fields', async () => {
    server.use(api.post('/api/v1/accounts', ({ response }) => response(400).json({
      ...problem(400, 'request.validation', 'One or more fields are not valid.'),
      errors: { password: ['The field Password must be at least 10 characters.'] },
    })));
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
    server.use(registered, api.post('/api/v1/auth/token', ({ response }) => response(200).json(token('nht_2'))));
    const sent = recordRequests();
    renderWithLanding('/register', <Register />, { url: '/register?invitation=coalition.a.b.secret&next=%2Fcoalitions%2Fc1' });

    expect(screen.getByText(/You are joining with an invitation/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Your name'), 'ليلى');
    await userEvent.type(screen.getByLabelText('E-mail address'), 'layla@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('at /coalitions/c1')).toBeTruthy();
    expect(sent.map((r) => r.path)).toEqual(['/api/v1/accounts', '/api/v1/auth/token']);
    expect(sent[0].body).toMatchObject({ displayName: 'ليلى', invitation: 'coalition.a.b.secret' });
  });

  it('sends a registrant whose sign-in fails to the sign-in screen, telling what happens next either way', async () => {
    server.use(registered, wrongPassword);
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
