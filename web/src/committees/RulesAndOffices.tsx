// How the committee decides (quorum, voting method, proxies, the code its decisions are numbered with) and who holds
// its offices: shown to everyone who sees the committee, changed by its coordinators.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { keys } from '../api/queries';
import { quorumKindValues, votingMethodValues, type CommitteeDetails, type CommitteeRequest, type QuorumKind, type VotingMethod } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, SelectField, TextField } from '../components/Field';
import { Notice } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { usePersonNames } from '../spaces/usePersonNames';
import { OfficesForm } from './OfficesForm';
import { useCommitteeStanding } from './standing';

export function RulesAndOffices({ committee }: { committee: CommitteeDetails }) {
  const { t } = useI18n();
  const standing = useCommitteeStanding(committee);
  const { rules, offices } = committee;
  const names = usePersonNames([offices.chair, offices.secretary, ...offices.coChairs]);
  const person = (id: string) => <UserText text={names.get(id) ?? t('committee.unknownPerson')} />;
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('committee.rulesTitle')}</h2>
      <dl className="facts">
        <dt>{t('committee.quorum')}</dt><dd>{t(`committee.quorum.${rules.quorum.kind}`, { value: rules.quorum.value })}</dd>
        <dt>{t('committee.defaultMethod')}</dt><dd>{t(`committee.method.${rules.defaultMethod}`)}</dd>
        <dt>{t('committee.maxProxies')}</dt><dd>{rules.maxProxiesPerHolder ?? 1}</dd>
        <dt>{t('committee.code')}</dt><dd>{committee.code}</dd>
      </dl>
      <h3>{t('committee.officesTitle')}</h3>
      <dl className="facts">
        <dt>{t('committee.chair')}</dt><dd>{offices.chair ? person(offices.chair) : t('committee.vacantOffice')}</dd>
        <dt>{t('committee.coChairs')}</dt>
        <dd>{offices.coChairs.length ? offices.coChairs.map((id, i) => <span key={id}>{i > 0 && ', '}{person(id)}</span>) : t('committee.vacantOffice')}</dd>
        <dt>{t('committee.secretary')}</dt><dd>{offices.secretary ? person(offices.secretary) : t('committee.vacantOffice')}</dd>
      </dl>
      {standing.coordinator && <>
        <RulesForm committee={committee} />
        <OfficesForm committee={committee} />
      </>}
    </section>
  );
}

function RulesForm({ committee }: { committee: CommitteeDetails }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const [draft, setDraft] = useState({
    quorumKind: committee.rules.quorum.kind, quorumValue: String(committee.rules.quorum.value),
    defaultMethod: committee.rules.defaultMethod, maxProxies: String(committee.rules.maxProxiesPerHolder ?? 1), code: committee.code,
  });
  const save = useMutation({
    mutationFn: () => {
      // The profile is sent as read, so only the rules and code change; If-Match refuses it if someone changed it meanwhile.
      const body: CommitteeRequest = {
        name: committee.name, mandate: committee.mandate, visibility: committee.visibility, requireTwoFactor: committee.requireTwoFactor,
        code: draft.code.trim().toUpperCase(),
        rules: { quorumKind: draft.quorumKind, quorumValue: Number(draft.quorumValue), defaultMethod: draft.defaultMethod, maxProxiesPerHolder: Number(draft.maxProxies) },
      };
      return api.update('committee', committee.id, body, committee.version);
    },
    onSuccess: () => cache.invalidateQueries({ queryKey: keys.space('committee', committee.id) }),
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <details className="create-child">
      <summary>{t('committee.editRules')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <FormErrors error={save.error} />
        <SelectField label={t('committee.quorumKind')} name="rules.quorumKind" value={draft.quorumKind} errors={errors}
          onChange={(e) => setDraft({ ...draft, quorumKind: e.target.value as QuorumKind })}>
          {quorumKindValues.map((k) => <option key={k} value={k}>{t(`committee.quorumKind.${k}`)}</option>)}
        </SelectField>
        <TextField label={t('committee.quorumValue')} name="rules.quorumValue" type="number" inputMode="numeric" min={1} value={draft.quorumValue} errors={errors}
          onChange={(e) => setDraft({ ...draft, quorumValue: e.target.value })} />
        <SelectField label={t('committee.defaultMethod')} name="rules.defaultMethod" value={draft.defaultMethod} errors={errors}
          onChange={(e) => setDraft({ ...draft, defaultMethod: e.target.value as VotingMethod })}>
          {votingMethodValues.map((m) => <option key={m} value={m}>{t(`committee.method.${m}`)}</option>)}
        </SelectField>
        <TextField label={t('committee.maxProxies')} name="rules.maxProxiesPerHolder" type="number" inputMode="numeric" min={0} max={10} value={draft.maxProxies}
          errors={errors} onChange={(e) => setDraft({ ...draft, maxProxies: e.target.value })} />
        <TextField label={t('committee.code')} name="code" hint={t('committee.codeHint')} maxLength={10} value={draft.code} errors={errors}
          onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
        <Notice text={save.isSuccess ? t('committee.saved') : null} />
        <button type="submit" className="primary" disabled={save.isPending}>{t('committee.save')}</button>
      </form>
    </details>
  );
}
