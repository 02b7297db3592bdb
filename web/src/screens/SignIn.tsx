import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useSession } from '../auth/session';
import { fieldErrorsOf, FormErrors, TextField } from '../components/Field';
import { Page } from '../components/Page';
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
  const passwordStep = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (answer) => {
      if ('challenge' in answer) setChallenge(answer.challenge);
      else navigate(next, { replace: true });
    },
  });
  const codeStep = useMutation({
    mutationFn: (current: string) => completeSignIn(email.trim(), current, code.trim()),
    onSuccess: () => navigate(next, { replace: true }),
  });
  const links = new URLSearchParams(params);
  links.delete('registered');

  if (challenge) {
    return (
      <Page title={t('auth.secondFactorTitle')}>
        <form className="narrow" noValidate onSubmit={(e) => {
          e.preventDefault();
          if (!codeStep.isPending) codeStep.mutate(challenge);
        }}>
          <FormErrors error={codeStep.error} />
          <TextField label={t('auth.secondFactorCode')} name="code" autoComplete="one-time-code" inputMode="text" required maxLength={limits.secondFactorCodeMaxLength}
            hint={t('auth.secondFactorHint')} value={code} onChange={(e) => setCode(e.target.value)} errors={fieldErrorsOf(codeStep.error)} />
          <button type="submit" className="primary" disabled={codeStep.isPending}>{t('auth.secondFactorButton')}</button>
        </form>
      </Page>
    );
  }

  return (
    <Page title={t('auth.signInTitle')}>
      {params.get('registered') && <p className="notice" role="status">{t('auth.registeredNext')}</p>}
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (!passwordStep.isPending) passwordStep.mutate();
      }}>
        <FormErrors error={passwordStep.error} />
        <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required maxLength={limits.emailMaxLength}
          value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrorsOf(passwordStep.error)} />
        <TextField label={t('auth.password')} name="password" type="password" autoComplete="current-password" required maxLength={limits.passwordMaxLength}
          value={password} onChange={(e) => setPassword(e.target.value)} errors={fieldErrorsOf(passwordStep.error)} />
        <button type="submit" className="primary" disabled={passwordStep.isPending}>{t('auth.signInButton')}</button>
      </form>
      <p>{t('auth.noAccount')} <Link to={`/register${links.size ? `?${links}` : ''}`}>{t('nav.register')}</Link></p>
    </Page>
  );
}
