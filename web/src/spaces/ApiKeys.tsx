import { useState } from 'react';
import { api } from '../api/endpoints';
import type { ApiKeyCreated, ApiKeyScope } from '../api/types';
import { CopyField } from '../components/CopyField';
import { FormErrors, SelectField, TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

const scopes: ApiKeyScope[] = ['read', 'read-write'];

/** An organisation's API keys. The key itself is shown once, right after creation; the list shows its prefix. */
export function ApiKeys({ organisationId }: { organisationId: string }) {
  const { t, formatDate } = useI18n();
  const keys = useAsync(() => api.apiKeys(organisationId), organisationId);
  const create = useSubmit();
  const revoke = useSubmit();
  const [form, setForm] = useState({ name: '', scope: 'read' as ApiKeyScope });
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);

  return (
    <section aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">{t('apiKeys.title')}</h2>
      <p>{t('apiKeys.intro')}</p>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        void create.run(async () => {
          setCreated(await api.createApiKey(organisationId, form.name.trim(), form.scope));
          setForm({ name: '', scope: 'read' });
          keys.reload();
        });
      }}>
        <FormErrors error={create.error} />
        <TextField label={t('apiKeys.name')} name="name" required dir="auto" maxLength={limits.shortTextMaxLength} value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })} errors={create.fieldErrors} />
        <SelectField label={t('apiKeys.scope')} name="scope" value={form.scope} errors={create.fieldErrors}
          onChange={(e) => setForm({ ...form, scope: e.target.value as ApiKeyScope })}>
          {scopes.map((s) => <option key={s} value={s}>{t(`scope.${s}`)}</option>)}
        </SelectField>
        <button type="submit" className="primary" disabled={create.busy}>{t('apiKeys.createButton')}</button>
      </form>
      {created && (
        <div className="secret">
          <p>{t('apiKeys.created')}</p>
          <CopyField label={t('apiKeys.key')} value={created.key} copyLabel={t('apiKeys.copy')} />
        </div>
      )}
      <FormErrors error={revoke.error} />
      {keys.loading ? <Loading /> : keys.error ? <ErrorMessage error={keys.error} /> : (
        keys.data?.length ? (
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
                  <button type="button" className="danger" disabled={revoke.busy} aria-label={t('apiKeys.revokeLabel', { name: k.name })}
                    onClick={() => {
                      if (!window.confirm(t('apiKeys.revokeConfirm', { name: k.name }))) return;
                      void revoke.run(async () => { await api.revokeApiKey(organisationId, k.keyId); keys.reload(); });
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
