import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import { apiKeyScopeValues, type ApiKeyScope } from '../generated/openapi';
import { CopyField } from '../components/CopyField';
import { fieldErrorsOf, FormErrors, SelectField, TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/** An organisation's API keys. The key itself is shown once, right after creation; the list shows its prefix. */
export function ApiKeys({ organisationId }: { organisationId: string }) {
  const { t, formatDate } = useI18n();
  const keys = useQuery(queries.apiKeys(organisationId));
  const cache = useQueryClient();
  const refresh = () => cache.invalidateQueries({ queryKey: queries.apiKeys(organisationId).queryKey });
  const [form, setForm] = useState({ name: '', scope: 'read' as ApiKeyScope });
  const create = useMutation({
    mutationFn: () => api.createApiKey(organisationId, form.name.trim(), form.scope),
    onSuccess: () => {
      setForm({ name: '', scope: 'read' });
      return refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (keyId: string) => api.revokeApiKey(organisationId, keyId), onSuccess: refresh });
  // The secret exists only in the create's answer.
  const created = create.data;
  const errors = fieldErrorsOf(create.error);

  return (
    <section aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">{t('apiKeys.title')}</h2>
      <p>{t('apiKeys.intro')}</p>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}>
        <FormErrors error={create.error} />
        <TextField label={t('apiKeys.name')} name="name" required dir="auto" maxLength={limits.shortTextMaxLength} value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })} errors={errors} />
        <SelectField label={t('apiKeys.scope')} name="scope" value={form.scope} errors={errors}
          onChange={(e) => setForm({ ...form, scope: e.target.value as ApiKeyScope })}>
          {apiKeyScopeValues.map((s) => <option key={s} value={s}>{t(`scope.${s}`)}</option>)}
        </SelectField>
        <button type="submit" className="primary" disabled={create.isPending}>{t('apiKeys.createButton')}</button>
      </form>
      {created && (
        <div className="secret">
          <p>{t('apiKeys.created')}</p>
          <CopyField label={t('apiKeys.key')} value={created.key} copyLabel={t('apiKeys.copy')} />
        </div>
      )}
      <FormErrors error={revoke.error} />
      {keys.isPending ? <Loading /> : keys.error ? <ErrorMessage error={keys.error} /> : (
        keys.data.length ? (
          <ul className="rows" aria-label={t('apiKeys.title')}>
            {keys.data.map((k) => (
              <li key={k.keyId} className="row-item">
                <div>
                  <strong><UserText text={k.name} /></strong> · {t(`scope.${k.scope}`)}
                  <div className="muted">
                    {t('apiKeys.prefix', { prefix: k.prefix })} · {formatDate(k.createdAt)}
                    {k.revokedAt && <> · {t('apiKeys.revoked', { date: formatDate(k.revokedAt) })}</>}
                  </div>
                </div>
                {!k.revokedAt && (
                  <button type="button" className="danger" disabled={revoke.isPending} aria-label={t('apiKeys.revokeLabel', { name: k.name })}
                    onClick={() => {
                      if (window.confirm(t('apiKeys.revokeConfirm', { name: k.name }))) revoke.mutate(k.keyId);
                    }}>
                    {t('apiKeys.revoke')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('apiKeys.none')}</p>
      )}
    </section>
  );
}
