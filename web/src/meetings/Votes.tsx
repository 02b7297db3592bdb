import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints';
import { ErrorMessage, Notice } from '../components/Status';
import { UserText } from '../components/UserText';
import { limits } from '../generated/errors';
import type { BallotChoice, BallotKind, MeetingStanding, MeetingView, MotionView, VoteView, VotedSeat, VotingMethod } from '../generated/hub';
import { ballotChoiceValues, ballotKindValues, votingMethodValues } from '../generated/openapi';
import { useI18n } from '../i18n';
import { useHubAction } from '../sessions/useLiveSession';
import type { SeatName } from './MeetingRoom';

/** Whoever runs the meeting puts a motion or an amendment to the vote: the method (the committee's by default) and the ballot. */
export function OpenVoteForm({ meetingId, motionId, amendmentId, label, defaultMethod }: {
  meetingId: string; motionId: string; amendmentId: string | null; label: string; defaultMethod: VotingMethod;
}) {
  const { t } = useI18n();
  const action = useHubAction();
  const [method, setMethod] = useState<VotingMethod>(defaultMethod);
  const [ballot, setBallot] = useState<BallotKind>('open');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(() => api.openVote(meetingId, { motionId, amendmentId, method, ballot }));
  };
  return (
    <form onSubmit={submit} aria-label={label} className="open-vote">
      <label>
        {t('meeting.method')}
        <select value={method} onChange={(e) => setMethod(e.target.value as VotingMethod)}>
          {votingMethodValues.map((m) => <option key={m} value={m}>{t(`meeting.method.${m}`)}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>{t('meeting.ballot')}</legend>
        {ballotKindValues.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name={`ballot-${amendmentId ?? motionId}`} checked={ballot === kind} onChange={() => setBallot(kind)} />
            {t(`meeting.ballot.${kind}`)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>{label}</button>
    </form>
  );
}

interface VotePanelProps {
  vote: VoteView;
  motion: MotionView;
  view: MeetingView;
  you: MeetingStanding | null;
  seatName: SeatName;
}

/** One vote: its live tally (per seat in an open ballot; in a secret one only who voted, totals at the close), the ballots the person may cast, and its result. */
export function VotePanel({ vote, motion, view, you, seatName }: VotePanelProps) {
  const { t } = useI18n();
  const close = useHubAction();
  const amendment = vote.amendmentId ? motion.amendments.find((a) => a.amendmentId === vote.amendmentId) : null;
  const open = vote.status === 'open';
  const { tally } = vote;
  const casting = open ? you?.castingSeats ?? [] : [];
  return (
    <section className="vote" aria-labelledby={`vote-${vote.voteId}`}>
      <h5 id={`vote-${vote.voteId}`}>
        {amendment ? t('meeting.voteOnAmendment') : t('meeting.voteOnMotion')}
        {' · '}{t(`meeting.method.${vote.method}`)}{' · '}{t(`meeting.ballot.${vote.ballot}`)}
        {' · '}{t(open ? 'meeting.voteOpen' : 'meeting.voteClosed')}
      </h5>
      <div role="status" aria-live="polite" aria-label={t('meeting.tally')} className="tally">
        {tally.totals && <p>{t('meeting.totals', { yes: tally.totals.yes, no: tally.totals.no, abstain: tally.totals.abstain })}</p>}
        {!tally.totals && vote.ballot === 'secret' && <p>{t('meeting.totalsAtClose')}</p>}
        <p className="muted">{t('meeting.responded', { count: tally.voted.length, allotments: tally.respondedAllotments })}</p>
        {vote.ballot === 'open' && tally.choices.length > 0 && (
          <ul aria-label={t('meeting.seatVotes')}>
            {tally.choices.map((c) => (
              <li key={c.seatId}>
                <UserText text={seatName(c.seatId)} />: {t(`meeting.choice.${c.choice}`)}
                {c.byProxy && <> <span className="muted">({t('meeting.byProxy')})</span></>}
                {c.reason && <> — <UserText text={c.reason} /></>}
              </li>
            ))}
          </ul>
        )}
        {vote.ballot === 'secret' && tally.voted.length > 0 && (
          <p>{t('meeting.votedSeats', { seats: tally.voted.map((s) => seatName(s.seatId)).join(', ') })}</p>
        )}
      </div>
      {casting.map((seat) => <Ballot key={seat.seatId} view={view} vote={vote} seat={seat} seatName={seatName} />)}
      {open && you?.runsMeeting && (
        <div className="actions">
          <button type="button" disabled={close.busy} onClick={() => void close.run(() => api.closeVote(view.meetingId, vote.voteId))}>
            {t('meeting.closeVote')}
          </button>
        </div>
      )}
      <ErrorMessage error={close.error} />
      {vote.result && (
        <div className="result">
          <p><strong>{t(`meeting.outcome.${vote.result.outcome}`)}</strong>
            {' · '}{t('meeting.totals', { yes: vote.result.totals.yes, no: vote.result.totals.no, abstain: vote.result.totals.abstain })}</p>
          <p className="muted">{t(vote.result.quorumMet ? 'meeting.resultQuorumMet' : 'meeting.resultQuorumNotMet',
            { present: vote.result.presentAllotments, required: vote.result.quorumRequired })}</p>
          {!amendment && motion.decisionNumber && <p>{t('meeting.decisionNumber', { number: motion.decisionNumber })}</p>}
          {vote.objections.length > 0 && (
            <ul aria-label={t('meeting.objections')}>{vote.objections.map((o, i) => <li key={i}><UserText text={o} /></li>)}</ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The ballot of one seat the person may vote for: in an open ballot it can be changed until the close; a secret one is final. */
function Ballot({ view, vote, seat, seatName }: { view: MeetingView; vote: VoteView; seat: VotedSeat; seatName: SeatName }) {
  const { t } = useI18n();
  const action = useHubAction();
  const cast = vote.tally.choices.find((c) => c.seatId === seat.seatId) ?? null;
  const voted = vote.tally.voted.some((s) => s.seatId === seat.seatId);
  const [choice, setChoice] = useState<BallotChoice | null>(cast?.choice ?? null);
  const [reason, setReason] = useState(cast?.reason ?? '');
  const name = seatName(seat.seatId);
  if (vote.ballot === 'secret' && voted) return <Notice text={t('meeting.secretVoteCast', { seat: name })} />;
  const objection = vote.method === 'consensus' && choice === 'no';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice) void action.run(() => api.castVote(view.meetingId, vote.voteId, { seatId: seat.seatId, choice, reason: objection ? reason : null }));
  };
  return (
    <form onSubmit={submit} aria-label={t('meeting.ballotFor', { seat: name })} className="ballot">
      <fieldset>
        <legend>{t(seat.byProxy ? 'meeting.voteForByProxy' : 'meeting.voteFor', { seat: name })}</legend>
        {ballotChoiceValues.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name={`choice-${vote.voteId}-${seat.seatId}`} checked={choice === c} onChange={() => setChoice(c)} />
            {t(vote.method === 'consensus' && c === 'no' ? 'meeting.choice.object' : `meeting.choice.${c}`)}
          </label>
        ))}
      </fieldset>
      {objection && (
        <label>
          {t('meeting.objectionReason')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} maxLength={limits.meeting.objectionReasonMaxLength} />
        </label>
      )}
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy || !choice}>{t(cast ? 'meeting.changeVote' : 'meeting.castVote', { seat: name })}</button>
      {cast && <p className="muted">{t('meeting.yourVote', { choice: t(`meeting.choice.${cast.choice}`) })}</p>}
    </form>
  );
}
