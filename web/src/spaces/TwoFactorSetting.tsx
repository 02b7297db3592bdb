// A coordinator's switch for "members must sign in with a second factor". The update replaces the whole profile,
// so the body repeats the profile as read, with only this setting changed.
import { useState } from 'react';
import { api, type SpaceDetails, type SpaceRequest } from '../api/endpoints';
import type { CoalitionDetails, ForumDetails, OrganisationDetails, SpaceKind, WorkingGroupDetails } from '../generated/openapi';
import { FormErrors } from '../components/Field';
import { Notice } from '../components/Status';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';

/** The update body of each kind, from its details as read. */
export function profileOf(kind: SpaceKind, space: SpaceDetails): SpaceRequest {
  const common = { name: space.name, visibility: space.visibility };
  switch (kind) {
    case 'organisation': {
      const o = space as OrganisationDetails;
      return { ...common, kind: o.kind, country: o.country, region: o.region, topics: o.topics, description: o.description, website: o.website };
    }
    case 'coalition': {
      const c = space as CoalitionDetails;
      return { ...common, description: c.description, country: c.country, region: c.region, topics: c.topics };
    }
    case 'working-group':
      return { ...common, purpose: (space as WorkingGroupDetails).purpose };
    case 'forum': {
      const f = space as ForumDetails;
      return { ...common, description: f.description, themes: f.themes };
    }
  }
}

export function TwoFactorSetting({ kind, space, onChanged }: { kind: SpaceKind; space: SpaceDetails; onChanged(): void }) {
  const { t } = useI18n();
  const [required, setRequired] = useState(space.requireTwoFactor);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();

  return (
    <section aria-labelledby="two-factor-setting-heading">
      <h2 id="two-factor-setting-heading">{t('space.twoFactorSettingTitle')}</h2>
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void submit.run(async () => {
          await api.update(kind, space.id, { ...profileOf(kind, space), requireTwoFactor: required });
          setSaved(true);
          onChanged();
        });
      }}>
        <FormErrors error={submit.error} />
        <div className="field checkbox">
          <input id="require-two-factor" type="checkbox" checked={required} aria-describedby="require-two-factor-hint"
            onChange={(e) => setRequired(e.target.checked)} />
          <label htmlFor="require-two-factor">{t('space.twoFactorSetting')}</label>
          <p id="require-two-factor-hint" className="hint">{t('space.twoFactorSettingHint')}</p>
        </div>
        <button type="submit" disabled={submit.busy || required === space.requireTwoFactor}>{t('space.twoFactorSave')}</button>
        <Notice text={saved ? t('space.twoFactorSaved') : null} />
      </form>
    </section>
  );
}
