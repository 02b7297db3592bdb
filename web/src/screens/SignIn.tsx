import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useSession } from '../auth/session';
import { FormErrors, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/** Password first; for an account with two-factor sign-in, then a code from the authenticator app or a recovery code. */
export function SignIn() {
  const { t } = useI18n();
  const { signIn, completeSignIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/spaces');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const submit = useSubmit();
  const links = new URLSearchParams(params);
  links.delete('registered');

  if (challenge) {
    return (
      <Page title={t('auth.secondFactorTitle')}>
        <form className="narrow" noValidate onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            await completeSignIn(email.trim(), challenge, code.trim());
            navigate(next, { replace: true });
          });
        }}>
          <FormErrors error={submit.error} />
          <TextField label={t('auth.secondFactorCode')} name="code" autoComplete="one-time-code" inputMode="text" required
            hint={t('auth.secondFactorHint')} value={code} onChange={(e) => setCode(e.target.value)} errors={submit.fieldErrors} />
          <button type="submit" className="primary" disabled={submit.busy}>{t('auth.secondFactorButton')}</button>
        </form>
      </Page>
    );
  }

  return (
    <Page title={t('auth.signInTitle')}>
      {params.get('registered') && <p className="notice" role="status">{t('auth.registeredNext')}</p>}
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          const answer = await signIn(email.trim(), password);
          if ('challenge' in answer) {
            setChallenge(answer.challenge);
            return;
          }

          navigate(next, { replace: true });
        });
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required maxLength={limits.emailMaxLength}
          value={email} onChange={(e) => setEmail(e.target.value)} errors={submit.fieldErrors} />
        <TextField label={t('auth.password')} name="password" type="password" autoComplete="current-password" required maxLength={limits.passwordMaxLength}
          value={password} onChange={(e) => setPassword(e.target.value)} errors={submit.fieldErrors} />
        <button type="submit" className="primary" disabled={submit.busy}>{t('auth.signInButton')}</button>
      </form>
      <p>{t('auth.noAccount')} <Link to={`/register${links.size ? `?${links}` : ''}`}>{t('nav.register')}</Link></p>
    </Page>
  );
}
