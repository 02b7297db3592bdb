import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, on, renderAt, signedIn } from '../testing/render';
import Security from './Security';

const uri = 'otpauth://totp/NetworkHub:ana%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=NetworkHub';
const codes = ['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH'];

describe('Security', () => {
  it('sets up two-factor sign-in: QR code and key, a confirming code, then the recovery codes once', async () => {
    signedIn();
    const calls = fakeApi(
      on('GET', '/api/v1/me/two-factor', { body: { enabled: false, recoveryCodesLeft: 0 } }),
      on('GET', '/api/v1/me/sign-in', { body: { at: '2026-12-01T10:00:00Z', secondFactor: false } }),
      on('POST', '/api/v1/me/two-factor', { body: { secret: 'JBSWY3DPEHPK3PXP', otpAuthUri: uri } }),
      on('POST', '/api/v1/me/two-factor/confirm', (call) => (call.body as { code: string }).code === '123456'
        ? { body: { codes } }
        : { status: 401, body: { code: 'auth.invalid-code', detail: 'no' } }),
    );
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
    expect(calls.filter((c) => c.url === '/api/v1/me/two-factor/confirm').map((c) => c.body)).toEqual([{ code: '000000' }, { code: '123456' }]);
  });

  it('shows that it is on, asks to sign in again when this sign-in used no code, and turns it off with a code', async () => {
    signedIn();
    let enabled = true;
    const calls = fakeApi(
      on('GET', '/api/v1/me/two-factor', () => ({ body: { enabled, recoveryCodesLeft: enabled ? 7 : 0 } })),
      on('GET', '/api/v1/me/sign-in', { body: { at: '2026-12-01T10:00:00Z', secondFactor: false } }),
      on('POST', '/api/v1/me/two-factor/disable', () => { enabled = false; return { status: 204 }; }),
    );
    renderAt(<Security />, { locale: 'es' });

    expect(await screen.findByText('La verificación en dos pasos está activada.')).toBeTruthy();
    expect(screen.getByText('Te quedan 7 de 10 códigos de recuperación.')).toBeTruthy();
    expect(screen.getByText(/Esta sesión no usó un código/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Contraseña'), 'correct horse battery');
    await userEvent.type(screen.getByLabelText('Código'), 'AAAA-BBBB-CCCC-DDDD');
    await userEvent.click(screen.getByRole('button', { name: 'Desactivar' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Configurar la verificación en dos pasos' })).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ password: 'correct horse battery', code: 'AAAA-BBBB-CCCC-DDDD' });
  });
});
