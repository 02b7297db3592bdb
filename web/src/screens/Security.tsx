// Two-factor sign-in: set it up with an authenticator app, keep the recovery codes, see whether it is on, turn it off.
// Its own chunk (it brings the QR code library), loaded only when someone opens it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import type { TwoFactorSetup } from '../generated/openapi';
import { CopyField } from '../components/CopyField';
import { fieldErrorsOf, FormErrors, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/** After turning two-factor sign-in on or off, the status shown here is read again; nothing else answers differently. */
function useTwoFactorChanged() {
  const cache = useQueryClient();
  return () => cache.invalidateQueries({ queryKey: queries.twoFactor().queryKey });
}

export default function Security() {
  const { t } = useI18n();
  const twoFactorStatus = useQuery(queries.twoFactor());
  const signInFacts = useQuery(queries.mySignIn());
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const begin = useMutation({ mutationFn: api.beginTwoFactor, onMutate: () => setNotice(null), onSuccess: setSetup });

  if (codes) {
    return (
      <Page title={t('security.title')}>
        <RecoveryCodeList codes={codes} onDone={() => { setCodes(null); setSetup(null); }} />
      </Page>
    );
  }

  if (setup) {
    return (
      <Page title={t('security.title')}>
        <Enrolment setup={setup} onConfirmed={setCodes} onCancel={() => setSetup(null)} />
      </Page>
    );
  }

  if (twoFactorStatus.error || signInFacts.error) {
    return <Page title={t('security.title')}><ErrorMessage error={twoFactorStatus.error ?? signInFacts.error} /></Page>;
  }
  if (!twoFactorStatus.data || !signInFacts.data) return <Page title={t('security.title')}><Loading /></Page>;
  const twoFactor = twoFactorStatus.data;
  const signIn = signInFacts.data;

  return (
    <Page title={t('security.title')}>
      <Notice text={notice} />
      <section aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">{t('security.twoFactor')}</h2>
        {twoFactor.enabled ? (
          <>
            <p><strong>{t('security.on')}</strong> {t('security.codesLeft', { count: twoFactor.recoveryCodesLeft })}</p>
            {!signIn.secondFactor && <p className="notice">{t('security.signInAgain')}</p>}
            <Disable onDisabled={() => setNotice(t('security.disabled'))} />
          </>
        ) : (
          <>
            <p>{t('security.off')}</p>
            <p>{t('security.why')}</p>
            <FormErrors error={begin.error} />
            <button type="button" className="primary" disabled={begin.isPending} onClick={() => begin.mutate()}>
              {t('security.setUp')}
            </button>
          </>
        )}
      </section>
    </Page>
  );
}

function Enrolment({ setup, onConfirmed, onCancel }: { setup: TwoFactorSetup; onConfirmed(codes: string[]): void; onCancel(): void }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const changed = useTwoFactorChanged();
  const confirm = useMutation({
    mutationFn: (entered: string) => api.confirmTwoFactor(entered),
    onSuccess: (answer) => { void changed(); onConfirmed(answer.codes); },
  });

  useEffect(() => {
    let current = true;
    // SVG needs no canvas, so it renders the same in every browser; shown as an image, never as markup.
    QRCode.toString(setup.otpAuthUri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => { if (current) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`); },
      () => { if (current) setQr(null); });
    return () => { current = false; };
  }, [setup.otpAuthUri]);

  return (
    <section aria-labelledby="enrol-heading">
      <h2 id="enrol-heading">{t('security.enrolTitle')}</h2>
      <p>{t('security.enrolScan')}</p>
      {qr && <img className="qr" src={qr} width={220} height={220} alt={t('security.qrAlt')} />}
      <CopyField label={t('security.secret')} value={setup.secret} copyLabel={t('security.copy')} />
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (!confirm.isPending) confirm.mutate(code.trim());
      }}>
        <FormErrors error={confirm.error} />
        <TextField label={t('security.code')} name="code" autoComplete="one-time-code" inputMode="numeric" required maxLength={limits.secondFactorCodeMaxLength}
          hint={t('security.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} errors={fieldErrorsOf(confirm.error)} />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={confirm.isPending}>{t('security.turnOn')}</button>
          <button type="button" onClick={onCancel}>{t('security.cancel')}</button>
        </div>
      </form>
    </section>
  );
}

function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const text = `${codes.join('\n')}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;

  return (
    <section aria-labelledby="codes-heading">
      <h2 id="codes-heading">{t('security.codesTitle')}</h2>
      <p role="alert" className="notice">{t('security.saveNow')}</p>
      <ul className="recovery-codes mono" aria-label={t('security.codesTitle')}>
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <div className="row-actions">
        <button type="button" onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setStatus(t('invitations.copied'));
          } catch {
            setStatus(t('security.copyFailed'));
          }
        }}>{t('security.copyCodes')}</button>
        <a className="button" href={download} download="networkhub-recovery-codes.txt">{t('security.downloadCodes')}</a>
        <button type="button" className="primary" onClick={onDone}>{t('security.saved')}</button>
      </div>
      <p role="status" className="hint">{status ?? ''}</p>
      <p>{t('security.signInAgain')}</p>
    </section>
  );
}

function Disable({ onDisabled }: { onDisabled(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const changed = useTwoFactorChanged();
  const disable = useMutation({
    mutationFn: () => api.disableTwoFactor(password, code.trim()),
    onSuccess: async () => { await changed(); onDisabled(); },
  });

  return (
    <form className="narrow" noValidate aria-labelledby="disable-heading" onSubmit={(e) => {
      e.preventDefault();
      if (!disable.isPending) disable.mutate();
    }}>
      <h3 id="disable-heading">{t('security.disableTitle')}</h3>
      <FormErrors error={disable.error} />
      <TextField label={t('auth.password')} name="password" type="password" autoComplete="current-password" required maxLength={limits.passwordMaxLength}
        value={password} onChange={(e) => setPassword(e.target.value)} errors={fieldErrorsOf(disable.error)} />
      <TextField label={t('security.disableCode')} name="code" autoComplete="one-time-code" required maxLength={limits.secondFactorCodeMaxLength}
        hint={t('auth.secondFactorHint')} value={code} onChange={(e) => setCode(e.target.value)} errors={fieldErrorsOf(disable.error)} />
      <button type="submit" disabled={disable.isPending}>{t('security.disable')}</button>
    </form>
  );
}
