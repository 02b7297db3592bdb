import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import Security from './Security';

const uri = 'otpauth://totp/NetworkHub:ana%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=NetworkHub';
const codes = ['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH'];
const answersSignIn = api.get('/api/v1/me/sign-in', ({ response }) => response(200).json({ at: '2026-12-01T10:00:00Z', secondFactor: false }));

describe('Security', () => {
  it('sets up two-factor sign-in: QR code and key, a confirming code, then the recovery codes once', async () => {
    signedIn();
    let enabled = false;
    server.use(
      api.get('/api/v1/me/two-factor', ({ response }) => response(200).json({ enabled, recoveryCodesLeft: enabled ? codes.length : 0 })),
      answersSignIn,
      api.post('/api/v1/me/two-factor', ({ response }) => response(200).json({ secret: 'JBSWY3DPEHPK3PXP', otpAuthUri: uri })),
      api.post('/api/v1/me/two-factor/confirm', async ({ request, response }) => {
        if ((await request.json()).code !== '123456') return response(401).json(problem(401, 'auth.invalid-code', 'no'));
        enabled = true;
        return response(200).json({ codes });
      }),
    );
    const sent = recordRequests();
    renderAt(<Security />);

    expect(await screen.findByText('Two-factor sign-in is off.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Set up two-factor sign-in' }));
    const qr = await screen.findByRole('img', { name: /QR code for your authenticator app/ });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect((screen.getByLabelText('Key for manual entry') as HTMLInputElement).value).toBe('JBSWY3DPEHPK3PXP');
    await userEvent.type(screen.getByLabelText('Code from the app'), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That code is wrong or has been used already.');
    await userEvent.clear(screen.getByLabelText('Code from the app'));
    await userEvent.type(screen.getByLabelText('Code from the app'), ' 123456 ');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on' }));

    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(codes);
    expect(screen.getByRole('alert').textContent).toContain('shown only this once');
    const download = screen.getByRole('link', { name: 'Download as a text file' });
    expect(decodeURIComponent(download.getAttribute('href')!.split(',')[1])).toBe(`${codes.join('\n')}\n`);
    expect(download.getAttribute('download')).toBe('networkhub-recovery-codes.txt');
    expect(sent.filter((r) => r.path === '/api/v1/me/two-factor/confirm').map((r) => r.body)).toEqual([{ code: '000000' }, { code: '123456' }]);

    // Back on the page, the status was read again after the confirmation: on, with the fresh codes counted.
    await userEvent.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(await screen.findByText('Two-factor sign-in is on.')).toBeTruthy();
    expect(screen.getByText('2 of 10 recovery codes left.')).toBeTruthy();
  });

  it('shows that it is on, asks to sign in again when this sign-in used no code, and turns it off with a code', async () => {
    signedIn();
    let enabled = true;
    server.use(
      api.get('/api/v1/me/two-factor', ({ response }) => response(200).json({ enabled, recoveryCodesLeft: enabled ? 7 : 0 })),
      answersSignIn,
      api.post('/api/v1/me/two-factor/disable', ({ response }) => { enabled = false; return response(204).empty(); }),
    );
    const sent = recordRequests();
    renderAt(<Security />, { locale: 'es' });

    expect(await screen.findByText('La verificación en dos pasos está activada.')).toBeTruthy();
    expect(screen.getByText('Te quedan 7 de 10 códigos de recuperación.')).toBeTruthy();
    expect(screen.getByText(/Esta sesión no usó un código/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Contraseña'), 'correct horse battery');
    await userEvent.type(screen.getByLabelText('Código'), 'AAAA-BBBB-CCCC-DDDD');
    await userEvent.click(screen.getByRole('button', { name: 'Desactivar' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Configurar la verificación en dos pasos' })).toBeTruthy());
    expect(screen.getByRole('status').textContent).toBe('La verificación en dos pasos está desactivada.');
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ password: 'correct horse battery', code: 'AAAA-BBBB-CCCC-DDDD' });
  });
});
