// Browser test of two-factor sign-in: a person turns it on from the Security screen with codes computed here as an
// authenticator app would (RFC 6238, the otpauth package), signs out, signs in with a code, then with a recovery
// code, which works once and never again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import { launchBrowser, screenshot, seriousViolations } from './support/browser.mjs';
import { startPlatform } from './support/platform.mjs';

const password = 'correct horse battery staple';

describe('Two-factor sign-in', () => {
  let platform, browser;

  before(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('turns it on, signs in with a code, and takes a recovery code once', async () => {
    const email = `amara-${Date.now().toString(36)}@example.org`;
    const registered = await fetch(`${platform.baseUrl}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password, displayName: 'Amara Diallo' }),
    });
    assert.equal(registered.status, 202);
    const context = await browser.newContext({ baseURL: platform.baseUrl, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const signIn = async () => {
        await page.goto('/sign-in');
        await page.getByLabel('E-mail address').fill(email);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in' }).click();
      };
      const signOut = async () => {
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(/\/sign-in/);
      };
      await signIn();
      await page.waitForURL(/\/spaces/);

      await page.getByRole('link', { name: 'Security' }).click();
      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const qr = page.getByRole('img', { name: /QR code for your authenticator app/ });
      await qr.waitFor();
      assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code renders');
      const secret = await page.getByLabel('Key for manual entry').inputValue();
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
      await page.getByLabel('Code from the app').fill(totp.generate());
      await page.getByRole('button', { name: 'Turn on' }).click();

      const list = page.getByRole('list', { name: 'Your recovery codes' });
      await list.waitFor();
      const codes = await list.getByRole('listitem').allTextContents();
      assert.equal(codes.length, 10);
      await page.getByText('Save these codes now', { exact: false }).waitFor();
      const download = await page.getByRole('link', { name: 'Download as a text file' }).getAttribute('href');
      assert.equal(decodeURIComponent(download.split(',')[1]).trim().split('\n').length, 10);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'two-factor-recovery-codes');
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await page.getByText('Two-factor sign-in is on.').waitFor();
      await page.getByText('This sign-in did not use a code', { exact: false }).waitFor();

      // The confirming code's time step is spent; the app's next one is accepted (one step of drift is allowed).
      await signOut();
      await signIn();
      await page.getByLabel('Code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/spaces/);
      await page.getByRole('link', { name: 'Security' }).click();
      await page.getByText('10 of 10 recovery codes left.').waitFor();
      assert.equal(await page.getByText('This sign-in did not use a code', { exact: false }).count(), 0);

      await signOut();
      await signIn();
      await page.getByLabel('Code').fill(codes[0]);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/spaces/);
      await page.getByRole('link', { name: 'Security' }).click();
      await page.getByText('9 of 10 recovery codes left.').waitFor();

      await signOut();
      await signIn();
      await page.getByLabel('Code').fill(codes[0]);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('alert').getByText('That code is wrong or has been used already.').waitFor();
      assert.match(page.url(), /\/sign-in/);
    } finally {
      await context.close();
    }
  });
});
