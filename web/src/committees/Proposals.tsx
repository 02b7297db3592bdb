// What live sessions proposed to the committee: draft motions waiting for a meeting (the chair or secretary moves
// one from the meeting room, or withdraws it here), and what became of the others.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import type { CommitteeDetails, Proposal } from '../generated/openapi';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { useCommitteeStanding } from './standing';

export function Proposals({ committee }: { committee: CommitteeDetails }) {
  const { t } = useI18n();
  const standing = useCommitteeStanding(committee);
  const cache = useQueryClient();
  const proposals = useQuery(queries.proposals(committee.id));
  const withdraw = useMutation({
    mutationFn: (proposalId: string) => api.withdrawProposal(committee.id, proposalId),
    onSuccess: () => cache.invalidateQueries({ queryKey: queries.proposals(committee.id).queryKey }),
  });
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">{t('committee.proposalsTitle')}</h2>
      <p className="muted">{t('committee.proposalsHint')}</p>
      <FormErrors error={withdraw.error} />
      {proposals.isPending ? <Loading /> : proposals.error ? <ErrorMessage error={proposals.error} /> : proposals.data.length === 0 ? (
        <p className="muted">{t('committee.noProposals')}</p>
      ) : (
        <ul className="rows">
          {proposals.data.map((p) => (
            <ProposalRow key={`${p.proposalId}/${p.status}`} proposal={p}
              canWithdraw={standing.organises && p.status === 'draft'} busy={withdraw.isPending}
              onWithdraw={() => withdraw.mutate(p.proposalId)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProposalRow({ proposal, canWithdraw, busy, onWithdraw }: { proposal: Proposal; canWithdraw: boolean; busy: boolean; onWithdraw: () => void }) {
  const { t } = useI18n();
  return (
    <li aria-labelledby={`proposal-${proposal.proposalId}`}>
      <h3 id={`proposal-${proposal.proposalId}`} dir="auto"><UserText text={proposal.title} /></h3>
      <p>
        {t(`proposal.kind.${proposal.kind}`)}{' · '}{t(`committee.proposalStatus.${proposal.status}`)}
        {proposal.decisionNumber && <>{' · '}{proposal.decisionNumber}</>}
        {proposal.meetingId && <>{' · '}<Link to={`/meetings/${proposal.meetingId}`}>{t('committee.proposalMeeting')}</Link></>}
        {' · '}<Link to={`/sessions/${proposal.origin.sessionId}`}>{t('committee.proposalSession')}</Link>
      </p>
      <blockquote dir="auto"><UserText text={proposal.origin.quote} /></blockquote>
      {canWithdraw && <button type="button" disabled={busy} onClick={onWithdraw}>{t('committee.withdrawProposal')}</button>}
    </li>
  );
}
