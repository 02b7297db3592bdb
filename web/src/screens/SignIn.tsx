import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useSession } from '../auth/session';
import { FormErrors, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';

export function SignIn() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/spaces');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  return (
    <Page title={t('auth.signInTitle')}>
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await signIn(email.trim(), password);
          navigate(next, { replace: true });
        });
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required
          value={email} onChange={(e) => setEmail(e.target.value)} errors={submit.fieldErrors} />
        <TextField label={t('auth.password')} name="password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} errors={submit.fieldErrors} />
        <button type="submit" className="primary" disabled={submit.busy}>{t('auth.signInButton')}</button>
      </form>
      <p>{t('auth.noAccount')} <Link to={`/register${params.size ? `?${params}` : ''}`}>{t('nav.register')}</Link></p>
    </Page>
  );
}
