import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import { safeNext, useSession } from '../auth/session';
import { CountrySelect } from '../components/CountrySelect';
import { fieldErrorsOf, FormErrors, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/** Registration; with ?invitation= the new person joins that space as part of registering. */
export function Register() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invitation = params.get('invitation');
  const [form, setForm] = useState({ email: '', password: '', displayName: '', pseudonym: '', country: '' });
  const submit = useMutation({
    mutationFn: async () => {
      const email = form.email.trim();
      await api.register({
        email,
        password: form.password,
        displayName: form.displayName.trim(),
        pseudonym: form.pseudonym.trim() || null,
        country: form.country || null,
        languages: null,
        invitation,
      });
      // Registering answers alike for a new address and a taken one; signing in tells only the one who knows the password.
      const signedIn = await signIn(email, form.password).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      });
      if (signedIn && !('challenge' in signedIn)) return safeNext(params.get('next'), '/spaces');

      const query = new URLSearchParams(params);
      query.delete('invitation');
      query.set('registered', '1');
      return `/sign-in?${query}`;
    },
    onSuccess: (to) => navigate(to, { replace: true }),
  });
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  return (
    <Page title={t('auth.registerTitle')}>
      {invitation && <p className="notice">{t('auth.joiningWithInvitation')}</p>}
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (!submit.isPending) submit.mutate();
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('auth.displayName')} name="displayName" autoComplete="name" required dir="auto" maxLength={limits.nameMaxLength}
          value={form.displayName} onChange={(e) => set('displayName')(e.target.value)} errors={fieldErrorsOf(submit.error)} />
        <TextField label={t('auth.pseudonym')} name="pseudonym" hint={t('auth.pseudonymHint')} dir="auto" maxLength={limits.nameMaxLength}
          value={form.pseudonym} onChange={(e) => set('pseudonym')(e.target.value)} errors={fieldErrorsOf(submit.error)} />
        <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required maxLength={limits.emailMaxLength}
          value={form.email} onChange={(e) => set('email')(e.target.value)} errors={fieldErrorsOf(submit.error)} />
        <TextField label={t('auth.password')} name="password" type="password" autoComplete="new-password" required
          minLength={limits.passwordMinLength} maxLength={limits.passwordMaxLength} hint={t('auth.passwordHint', { min: limits.passwordMinLength })}
          value={form.password} onChange={(e) => set('password')(e.target.value)} errors={fieldErrorsOf(submit.error)} />
        <CountrySelect label={t('auth.country')} name="country" emptyLabel={t('form.noCountry')}
          value={form.country} onChange={set('country')} errors={fieldErrorsOf(submit.error)} />
        <button type="submit" className="primary" disabled={submit.isPending}>{t('auth.registerButton')}</button>
      </form>
      <p>{t('auth.haveAccount')} <Link to={`/sign-in${params.size ? `?${params}` : ''}`}>{t('nav.signIn')}</Link></p>
    </Page>
  );
}
