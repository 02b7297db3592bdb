// A coordinator's switch for "members must sign in with a second factor". The update replaces the whole profile,
// so the body repeats the profile as read, with only this setting changed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { api, type SpaceDetails, type SpaceRequest } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { CoalitionDetails, CommitteeDetails, ForumDetails, OrganisationDetails, SpaceKind, WorkingGroupDetails } from '../generated/openapi';
import { FormErrors } from '../components/Field';
import { Notice } from '../components/Status';
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
      return {
        ...common, description: c.description, country: c.country, region: c.region, topics: c.topics, kind: c.kind,
        coordinatorsSeeChildSpaces: c.coordinatorsSeeChildSpaces,
      };
    }
    case 'working-group': {
      const g = space as WorkingGroupDetails;
      return { ...common, purpose: g.purpose, openToMemberOrganisations: g.openToMemberOrganisations };
    }
    case 'forum': {
      const f = space as ForumDetails;
      return { ...common, description: f.description, themes: f.themes, openToMemberOrganisations: f.openToMemberOrganisations };
    }
    case 'committee': {
      const c = space as CommitteeDetails;
      const { quorum, defaultMethod, maxProxiesPerHolder } = c.rules;
      return { ...common, mandate: c.mandate, code: c.code, rules: { quorumKind: quorum.kind, quorumValue: quorum.value, defaultMethod, maxProxiesPerHolder } };
    }
  }
}

export function TwoFactorSetting({ kind, space }: { kind: SpaceKind; space: SpaceDetails }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  // The person's choice, until saved; before that (and after) the switch shows what the server says.
  const [choice, setChoice] = useState<boolean | null>(null);
  const current = space.requireTwoFactor ?? false;
  const required = choice ?? current;
  const detailsKey = queries.details(kind, space.id).queryKey;
  const save = useMutation({
    // Sent with the version read: a profile changed meanwhile by someone else is not overwritten with the old one.
    mutationFn: (requireTwoFactor: boolean) => api.update(kind, space.id, { ...profileOf(kind, space), requireTwoFactor }, space.version),
    onSuccess: async (updated) => {
      setChoice(null);
      cache.setQueryData(detailsKey, updated);
      // Who may see what inside changed with the setting: every list of the space is read again.
      await cache.invalidateQueries({ queryKey: keys.space(kind, space.id) });
    },
    onError: async (error) => {
      if (!(error instanceof ApiError && error.code === 'space.version-mismatch')) return;
      // Show the profile as it now is; the person decides again from there.
      setChoice(null);
      await cache.invalidateQueries({ queryKey: detailsKey });
    },
  });

  return (
    <section aria-labelledby="two-factor-setting-heading">
      <h2 id="two-factor-setting-heading">{t('space.twoFactorSettingTitle')}</h2>
      <form className="narrow" noValidate onSubmit={(e) => {
        e.preventDefault();
        save.mutate(required);
      }}>
        <FormErrors error={save.error} />
        <div className="field checkbox">
          <input id="require-two-factor" type="checkbox" checked={required} aria-describedby="require-two-factor-hint"
            onChange={(e) => { setChoice(e.target.checked); save.reset(); }} />
          <label htmlFor="require-two-factor">{t('space.twoFactorSetting')}</label>
          <p id="require-two-factor-hint" className="hint">{t('space.twoFactorSettingHint')}</p>
        </div>
        <button type="submit" disabled={save.isPending || required === current}>{t('space.twoFactorSave')}</button>
        <Notice text={save.isSuccess ? t('space.twoFactorSaved') : null} />
      </form>
    </section>
  );
}
