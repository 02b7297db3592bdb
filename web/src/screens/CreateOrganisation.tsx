import { useState } from 'react';
import { api } from '../api/endpoints';
import { organisationKindValues, type OrganisationKind, type Visibility } from '../generated/openapi';
import { CountrySelect } from '../components/CountrySelect';
import { fieldErrorsOf, FormErrors, SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { useCreateSpace, VisibilitySelect } from '../components/SpaceForm';
import { useI18n } from '../i18n';
import { splitList } from '../spaces/paths';
import { limits } from '../generated/errors';

// Topics are typed as one comma-separated line: room for every allowed topic and its separator.
const topicsMaxLength = limits.maxTopics * (limits.shortTextMaxLength + 2);

export function CreateOrganisation() {
  const { t } = useI18n();
  const submit = useCreateSpace('organisation', api.createOrganisation);
  const [form, setForm] = useState({
    name: '', kind: 'civil-society-organisation' as OrganisationKind, country: '', region: '', topics: '',
    description: '', website: '', visibility: 'public' as Visibility,
  });
  const set = <K extends keyof typeof form>(field: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [field]: value }));
  const errors = fieldErrorsOf(submit.error);

  return (
    <Page title={t('create.organisationTitle')}>
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (submit.isPending) return;
        submit.mutate({
          name: form.name.trim(),
          kind: form.kind,
          country: form.country,
          region: form.region.trim() || null,
          topics: splitList(form.topics),
          description: form.description.trim() || null,
          website: form.website.trim() || null,
          visibility: form.visibility,
        });
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('form.name')} name="name" required dir="auto" maxLength={limits.nameMaxLength} value={form.name} onChange={(e) => set('name')(e.target.value)} errors={errors} />
        <SelectField label={t('form.kind')} name="kind" value={form.kind} errors={errors} onChange={(e) => set('kind')(e.target.value as OrganisationKind)}>
          {organisationKindValues.map((k) => <option key={k} value={k}>{t(`orgKind.${k}`)}</option>)}
        </SelectField>
        <CountrySelect label={t('form.country')} name="country" required emptyLabel={t('form.chooseCountry')}
          value={form.country} onChange={set('country')} errors={errors} />
        <TextField label={t('form.region')} name="region" dir="auto" maxLength={limits.shortTextMaxLength} value={form.region} onChange={(e) => set('region')(e.target.value)} errors={errors} />
        <TextField label={t('form.topics')} name="topics" dir="auto" maxLength={topicsMaxLength} hint={t('form.topicsHint')} value={form.topics} onChange={(e) => set('topics')(e.target.value)} errors={errors} />
        <TextAreaField label={t('form.description')} name="description" maxLength={limits.descriptionMaxLength} value={form.description} onChange={(e) => set('description')(e.target.value)} errors={errors} />
        <TextField label={t('form.website')} name="website" type="url" inputMode="url" maxLength={limits.urlMaxLength} value={form.website} onChange={(e) => set('website')(e.target.value)} errors={errors} />
        <VisibilitySelect value={form.visibility} onChange={set('visibility')} errors={errors} />
        <button type="submit" className="primary" disabled={submit.isPending}>{t('form.create')}</button>
      </form>
    </Page>
  );
}
