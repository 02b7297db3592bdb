import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import { coalitionKinds, type CoalitionKind, type Visibility } from '../api/types';
import { CountrySelect } from '../components/CountrySelect';
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { VisibilitySelect } from '../components/SpaceForm';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { newId, splitList } from '../spaces/paths';
import { limits } from '../generated/errors';

// Topics are typed as one comma-separated line: room for every allowed topic and its separator.
const topicsMaxLength = limits.maxTopics * (limits.shortTextMaxLength + 2);

export function CreateCoalition() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const submit = useSubmit();
  // One idempotency key per form: a retried submit after a lost answer cannot create a second space.
  const [key] = useState(newId);
  const [form, setForm] = useState({
    name: '', kind: 'network' as CoalitionKind, description: '', country: '', region: '', topics: '', visibility: 'public' as Visibility,
    coordinatorsSeeChildSpaces: true,
  });
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
            kind: form.kind,
            coordinatorsSeeChildSpaces: form.coordinatorsSeeChildSpaces,
          }, key);
          navigate(`/coalitions/${created.id}`);
        });
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('form.name')} name="name" required dir="auto" maxLength={limits.nameMaxLength} value={form.name} onChange={(e) => set('name')(e.target.value)} errors={errors} />
        <SelectField label={t('form.kind')} name="kind" value={form.kind} errors={errors} onChange={(e) => set('kind')(e.target.value as CoalitionKind)}>
          {coalitionKinds.map((k) => <option key={k} value={k}>{t(`coalitionKind.${k}`)}</option>)}
        </SelectField>
        <TextAreaField label={t('form.charter')} name="description" maxLength={limits.descriptionMaxLength} value={form.description} onChange={(e) => set('description')(e.target.value)} errors={errors} />
        <CountrySelect label={t('form.country')} name="country" emptyLabel={t('form.noCountry')} value={form.country} onChange={set('country')} errors={errors} />
        <TextField label={t('form.region')} name="region" dir="auto" maxLength={limits.shortTextMaxLength} value={form.region} onChange={(e) => set('region')(e.target.value)} errors={errors} />
        <TextField label={t('form.topics')} name="topics" dir="auto" maxLength={topicsMaxLength} hint={t('form.topicsHint')} value={form.topics} onChange={(e) => set('topics')(e.target.value)} errors={errors} />
        <VisibilitySelect value={form.visibility} onChange={set('visibility')} errors={errors} />
        <CheckboxField label={t('form.coordinatorsSeeChildSpaces')} name="coordinatorsSeeChildSpaces" hint={t('form.coordinatorsSeeChildSpacesHint')}
          checked={form.coordinatorsSeeChildSpaces} onChange={set('coordinatorsSeeChildSpaces')} />
        <button type="submit" className="primary" disabled={submit.busy}>{t('form.create')}</button>
      </form>
    </Page>
  );
}
