// The committee's own tabs on its space page: rules and offices for everyone who sees the committee, the rest for
// the people inside it (the API refuses the others).
import { NavLink, Route } from 'react-router';
import type { CommitteeDetails } from '../generated/openapi';
import { useI18n } from '../i18n';
import { ActionItems } from './ActionItems';
import { CommitteeMeetings } from './CommitteeMeetings';
import { DecisionRegister } from './DecisionRegister';
import { Proposals } from './Proposals';
import { RulesAndOffices } from './RulesAndOffices';
import { Seats } from './Seats';

export function CommitteeTabLinks({ base, committee }: { base: string; committee: CommitteeDetails }) {
  const { t } = useI18n();
  return (
    <>
      <NavLink to={`${base}/rules`}>{t('committee.rulesTab')}</NavLink>
      {committee.yourRole && <>
        <NavLink to={`${base}/seats`}>{t('committee.seatsTab')}</NavLink>
        <NavLink to={`${base}/meetings`}>{t('committee.meetingsTab')}</NavLink>
        <NavLink to={`${base}/decisions`}>{t('committee.decisionsTab')}</NavLink>
        <NavLink to={`${base}/action-items`}>{t('committee.actionItemsTab')}</NavLink>
        <NavLink to={`${base}/proposals`}>{t('committee.proposalsTab')}</NavLink>
      </>}
    </>
  );
}

/** The tabs' routes, called as a function: <Routes> takes <Route> children only. */
export function committeeRoutes(committee: CommitteeDetails) {
  return (
    <>
      <Route path="rules" element={<RulesAndOffices committee={committee} />} />
      <Route path="seats" element={<Seats committee={committee} />} />
      <Route path="meetings" element={<CommitteeMeetings committee={committee} />} />
      <Route path="decisions" element={<DecisionRegister committeeId={committee.id} />} />
      <Route path="action-items" element={<ActionItems committee={committee} />} />
      <Route path="proposals" element={<Proposals committee={committee} />} />
    </>
  );
}
