import { useState } from 'react';
import { api } from '../api/endpoints';
import { coalitionKindValues, type CoalitionKind, type Visibility } from '../generated/openapi';
import { CountrySelect } from '../components/CountrySelect';
import { CheckboxField, fieldErrorsOf, FormErrors, SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { useCreateSpace, VisibilitySelect } from '../components/SpaceForm';
import { useI18n } from '../i18n';
import { splitList } from '../spaces/paths';
import { limits } from '../generated/errors';

// Topics are typed as one comma-separated line: room for every allowed topic and its separator.
const topicsMaxLength = limits.maxTopics * (limits.shortTextMaxLength + 2);

export function CreateCoalition() {
  const { t } = useI18n();
  const submit = useCreateSpace('coalition', api.createCoalition);
  const [form, setForm] = useState({
    name: '', kind: 'network' as CoalitionKind, description: '', country: '', region: '', topics: '', visibility: 'public' as Visibility,
    coordinatorsSeeChildSpaces: true,
  });
  const set = <K extends keyof typeof form>(field: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [field]: value }));
  const errors = fieldErrorsOf(submit.error);

  return (
    <Page title={t('create.coalitionTitle')}>
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (submit.isPending) return;
        submit.mutate({
          name: form.name.trim(),
          description: form.description.trim() || null,
          country: form.country || null,
          region: form.region.trim() || null,
          topics: splitList(form.topics),
          visibility: form.visibility,
          kind: form.kind,
          coordinatorsSeeChildSpaces: form.coordinatorsSeeChildSpaces,
        });
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('form.name')} name="name" required dir="auto" maxLength={limits.nameMaxLength} value={form.name} onChange={(e) => set('name')(e.target.value)} errors={errors} />
        <SelectField label={t('form.kind')} name="kind" value={form.kind} errors={errors} onChange={(e) => set('kind')(e.target.value as CoalitionKind)}>
          {coalitionKindValues.map((k) => <option key={k} value={k}>{t(`coalitionKind.${k}`)}</option>)}
        </SelectField>
        <TextAreaField label={t('form.charter')} name="description" maxLength={limits.descriptionMaxLength} value={form.description} onChange={(e) => set('description')(e.target.value)} errors={errors} />
        <CountrySelect label={t('form.country')} name="country" emptyLabel={t('form.noCountry')} value={form.country} onChange={set('country')} errors={errors} />
        <TextField label={t('form.region')} name="region" dir="auto" maxLength={limits.shortTextMaxLength} value={form.region} onChange={(e) => set('region')(e.target.value)} errors={errors} />
        <TextField label={t('form.topics')} name="topics" dir="auto" maxLength={topicsMaxLength} hint={t('form.topicsHint')} value={form.topics} onChange={(e) => set('topics')(e.target.value)} errors={errors} />
        <VisibilitySelect value={form.visibility} onChange={set('visibility')} errors={errors} />
        <CheckboxField label={t('form.coordinatorsSeeChildSpaces')} name="coordinatorsSeeChildSpaces" hint={t('form.coordinatorsSeeChildSpacesHint')}
          checked={form.coordinatorsSeeChildSpaces} onChange={set('coordinatorsSeeChildSpaces')} />
        <button type="submit" className="primary" disabled={submit.isPending}>{t('form.create')}</button>
      </form>
    </Page>
  );
}
