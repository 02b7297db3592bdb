import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import type { Visibility } from '../api/types';
import { CountrySelect } from '../components/CountrySelect';
import { FormErrors, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { VisibilitySelect } from '../components/SpaceForm';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { newId, splitList } from '../spaces/paths';

export function CreateCoalition() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const submit = useSubmit();
  // One idempotency key per form: a retried submit after a lost answer cannot create a second space.
  const [key] = useState(newId);
  const [form, setForm] = useState({ name: '', description: '', country: '', region: '', topics: '', visibility: 'public' as Visibility });
  const set = <K extends keyof typeof form>(field: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [field]: value }));
  const errors = submit.fieldErrors;

  return (
    <Page title={t('create.coalitionTitle')}>
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          const created = await api.createCoalition({
            name: form.name.trim(),
            description: form.description.trim() || null,
            country: form.country || null,
            region: form.region.trim() || null,
            topics: splitList(form.topics),
            visibility: form.visibility,
          }, key);
          navigate(`/coalitions/${created.id}`);
        });
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('form.name')} name="name" required dir="auto" value={form.name} onChange={(e) => set('name')(e.target.value)} errors={errors} />
        <TextAreaField label={t('form.charter')} name="description" value={form.description} onChange={(e) => set('description')(e.target.value)} errors={errors} />
        <CountrySelect label={t('form.country')} name="country" emptyLabel={t('form.noCountry')} value={form.country} onChange={set('country')} errors={errors} />
        <TextField label={t('form.region')} name="region" dir="auto" value={form.region} onChange={(e) => set('region')(e.target.value)} errors={errors} />
        <TextField label={t('form.topics')} name="topics" dir="auto" hint={t('form.topicsHint')} value={form.topics} onChange={(e) => set('topics')(e.target.value)} errors={errors} />
        <VisibilitySelect value={form.visibility} onChange={set('visibility')} errors={errors} />
        <button type="submit" className="primary" disabled={submit.busy}>{t('form.create')}</button>
      </form>
    </Page>
  );
}
