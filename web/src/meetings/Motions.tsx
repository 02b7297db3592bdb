import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import { ErrorMessage } from '../components/Status';
import { UserMarkdown } from '../components/UserMarkdown';
import { UserText } from '../components/UserText';
import { limits } from '../generated/errors';
import type { MeetingStanding, MeetingView, MotionView, VotingMethod } from '../generated/hub';
import type { Seat } from '../generated/openapi';
import { useI18n } from '../i18n';
import { useHubAction } from '../sessions/useLiveSession';
import type { SeatName } from './MeetingRoom';
import { OpenVoteForm, VotePanel } from './Votes';

interface MotionsProps {
  view: MeetingView;
  you: MeetingStanding | null;
  seats: Seat[];
  seatName: SeatName;
  defaultMethod: VotingMethod;
}

const voting = (seat: Seat) => seat.votes !== false && seat.allotment > 0;

/**
 * The seats the signed-in person may move or second for: their own as representative, or any voting seat when they
 * run the meeting (the chair or secretary records motions moved from the floor).
 */
function movableSeats(you: MeetingStanding | null, seats: Seat[]): Seat[] {
  if (!you) return [];
  return seats.filter((s) => voting(s) && (you.runsMeeting || you.representedSeats.includes(s.seatId)));
}

/** Motions under each agenda item (and, for a written procedure, those under none), each with its amendments and votes. */
export function Motions(props: MotionsProps) {
  const { t } = useI18n();
  const { view } = props;
  const groups = [
    ...view.agenda.map((item) => ({ id: item.id as string | null, title: item.title })),
    ...(view.type === 'written-procedure' || view.motions.some((m) => m.agendaItemId === null) ? [{ id: null, title: t('meeting.noItem') }] : []),
  ];
  const open = view.status === 'scheduled' || view.status === 'in-progress';
  return (
    <section aria-labelledby="meeting-motions" className="room-panel">
      <h2 id="meeting-motions">{t('meeting.motions')}</h2>
      {groups.map((group) => {
        const motions = view.motions.filter((m) => m.agendaItemId === group.id);
        return (
          <section key={group.id ?? 'none'} aria-label={group.title} className="meeting-item">
            <h3 dir="auto">{group.title}</h3>
            {motions.length === 0 && <p className="muted">{t('meeting.noMotions')}</p>}
            {motions.map((motion) => <Motion key={motion.motionId} motion={motion} {...props} />)}
            {open && movableSeats(props.you, props.seats).length > 0 && <ProposeMotion agendaItemId={group.id} {...props} />}
          </section>
        );
      })}
    </section>
  );
}

function SeatSelect({ label, seats, value, onChange, optional }: {
  label: string; seats: Seat[]; value: string; onChange: (seatId: string) => void; optional?: boolean;
}) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} required={!optional}>
        <option value="">{optional ? t('meeting.noSeconder') : t('meeting.chooseSeat')}</option>
        {seats.map((s) => <option key={s.seatId} value={s.seatId}>{s.organisationName}</option>)}
      </select>
    </label>
  );
}

function ProposeMotion({ view, you, seats, agendaItemId }: MotionsProps & { agendaItemId: string | null }) {
  const { t } = useI18n();
  const action = useHubAction();
  const [expanded, setExpanded] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const mine = movableSeats(you, seats);
  const [mover, setMover] = useState(mine.length === 1 ? mine[0].seatId : '');
  const [seconder, setSeconder] = useState('');
  const [fromProposal, setFromProposal] = useState('');
  // Draft motions from live sessions, which whoever runs the meeting may move as they are or edited.
  const drafts = useQuery({ ...queries.proposals(view.committeeId), enabled: expanded && !!you?.runsMeeting, select: (all) => all.filter((p) => p.kind === 'motion' && p.status === 'draft') });
  // A representative seconds only for a seat of their own; whoever runs the meeting records anyone's second.
  const seconders = mine.filter((s) => s.seatId !== mover);
  if (!expanded) {
    return <button type="button" onClick={() => setExpanded(true)}>{t('meeting.proposeMotion')}</button>;
  }
  const startFrom = (proposalId: string) => {
    setFromProposal(proposalId);
    const draft = drafts.data?.find((p) => p.proposalId === proposalId);
    if (draft) { setTitle(draft.title); setText(draft.text); }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.proposeMotion(view.meetingId, { title, text, moverSeatId: mover, seconderSeatId: seconder || null, agendaItemId, fromProposal: fromProposal || null });
      setTitle(''); setText(''); setSeconder(''); setFromProposal(''); setExpanded(false);
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('meeting.proposeMotion')}>
      {drafts.data && drafts.data.length > 0 && (
        <label>
          {t('meeting.fromDraft')}
          <select value={fromProposal} onChange={(e) => startFrom(e.target.value)}>
            <option value="">{t('meeting.noDraft')}</option>
            {drafts.data.map((p) => <option key={p.proposalId} value={p.proposalId}>{p.title}</option>)}
          </select>
        </label>
      )}
      <label>{t('meeting.motionTitle')}<input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={limits.meeting.titleMaxLength} /></label>
      <label>
        {t('meeting.motionText')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={5} maxLength={limits.meeting.motionTextMaxLength} />
      </label>
      <p className="muted">{t('meeting.markdownHint')}</p>
      <SeatSelect label={t('meeting.mover')} seats={mine} value={mover} onChange={setMover} />
      {seconders.length > 0 && <SeatSelect label={t('meeting.seconder')} seats={seconders} value={seconder} onChange={setSeconder} optional />}
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" disabled={action.busy || !mover}>{t('meeting.propose')}</button>
        <button type="button" onClick={() => setExpanded(false)}>{t('meeting.discard')}</button>
      </div>
    </form>
  );
}

function Motion({ motion, ...props }: MotionsProps & { motion: MotionView }) {
  const { t } = useI18n();
  const { view, you, seats, seatName } = props;
  const open = view.status === 'scheduled' || view.status === 'in-progress';
  const votes = view.votes.filter((v) => v.motionId === motion.motionId);
  const undecided = motion.status === 'proposed' || motion.status === 'seconded';
  const openVote = votes.some((v) => v.status === 'open');
  const pendingAmendments = motion.amendments.some((a) => a.status === 'proposed' || a.status === 'seconded' || a.status === 'voting');
  const mine = movableSeats(you, seats);
  return (
    <article className="motion" aria-labelledby={`motion-${motion.motionId}`}>
      <h4 id={`motion-${motion.motionId}`} dir="auto">{motion.title}</h4>
      <p className="muted">
        {t(`meeting.motionStatus.${motion.status}`)}
        {' · '}{t('meeting.movedBy', { seat: seatName(motion.moverSeatId) })}
        {motion.seconderSeatId && <>{' · '}{t('meeting.secondedBy', { seat: seatName(motion.seconderSeatId) })}</>}
        {motion.decisionNumber && <>{' · '}<strong>{t('meeting.decisionNumber', { number: motion.decisionNumber })}</strong></>}
        {!motion.decisionNumber && motion.decisionPending && <>{' · '}{t('meeting.decisionPending')}</>}
      </p>
      <UserMarkdown text={motion.text} />
      {motion.history.length > 1 && (
        <details>
          <summary>{t('meeting.history', { count: motion.history.length })}</summary>
          <ol>
            {motion.history.map((v) => (
              <li key={v.version}>
                <p className="muted">{v.amendmentId ? t('meeting.versionByAmendment', { seat: seatName(v.authorSeatId) }) : t('meeting.versionAsMoved')}</p>
                <UserMarkdown text={v.text} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {open && motion.status === 'proposed' && <Second seats={mine.filter((s) => s.seatId !== motion.moverSeatId)}
        onSecond={(seatId) => api.secondMotion(view.meetingId, motion.motionId, seatId)} />}
      {motion.amendments.length > 0 && (
        <>
          <h5>{t('meeting.amendments')}</h5>
          <ul>
            {motion.amendments.map((a) => (
              <li key={a.amendmentId}>
                <p className="muted">
                  {t(`meeting.motionStatus.${a.status}`)}{' · '}{t('meeting.movedBy', { seat: seatName(a.moverSeatId) })}
                  {a.seconderSeatId && <>{' · '}{t('meeting.secondedBy', { seat: seatName(a.seconderSeatId) })}</>}
                </p>
                <UserMarkdown text={a.text} />
                {a.note && <UserText as="p" className="muted" text={a.note} />}
                {open && a.status === 'proposed' && <Second seats={mine.filter((s) => s.seatId !== a.moverSeatId)}
                  onSecond={(seatId) => api.secondAmendment(view.meetingId, motion.motionId, a.amendmentId, seatId)} />}
                {you?.runsMeeting && view.status === 'in-progress' && a.status === 'seconded' && !openVote && (
                  <OpenVoteForm meetingId={view.meetingId} motionId={motion.motionId} amendmentId={a.amendmentId}
                    label={t('meeting.openAmendmentVote')} defaultMethod={props.defaultMethod} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {open && undecided && !openVote && mine.length > 0 && <ProposeAmendment meetingId={view.meetingId} motion={motion} seats={mine} />}
      {you?.runsMeeting && view.status === 'in-progress' && motion.status === 'seconded' && !openVote && !pendingAmendments && (
        <OpenVoteForm meetingId={view.meetingId} motionId={motion.motionId} amendmentId={null} label={t('meeting.openVote')} defaultMethod={props.defaultMethod} />
      )}
      {votes.map((vote) => <VotePanel key={vote.voteId} vote={vote} motion={motion} {...props} />)}
    </article>
  );
}

function Second({ seats, onSecond }: { seats: Seat[]; onSecond: (seatId: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const action = useHubAction();
  if (seats.length === 0) return null;
  return (
    <div className="actions">
      {seats.map((s) => (
        <button key={s.seatId} type="button" disabled={action.busy} onClick={() => void action.run(() => onSecond(s.seatId))}>
          {t('meeting.secondFor', { seat: s.organisationName })}
        </button>
      ))}
      <ErrorMessage error={action.error} />
    </div>
  );
}

function ProposeAmendment({ meetingId, motion, seats }: { meetingId: string; motion: MotionView; seats: Seat[] }) {
  const { t } = useI18n();
  const action = useHubAction();
  const [expanded, setExpanded] = useState(false);
  const [text, setText] = useState(motion.text);
  const [note, setNote] = useState('');
  const [mover, setMover] = useState(seats.length === 1 ? seats[0].seatId : '');
  if (!expanded) {
    return <button type="button" onClick={() => { setText(motion.text); setExpanded(true); }}>{t('meeting.proposeAmendment')}</button>;
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.proposeAmendment(meetingId, motion.motionId, { text, note: note || null, moverSeatId: mover });
      setNote(''); setExpanded(false);
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('meeting.proposeAmendment')}>
      <label>
        {t('meeting.amendedText')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={5} maxLength={limits.meeting.motionTextMaxLength} />
      </label>
      <label>{t('meeting.amendmentNote')}<input value={note} onChange={(e) => setNote(e.target.value)} maxLength={limits.meeting.amendmentNoteMaxLength} /></label>
      <SeatSelect label={t('meeting.mover')} seats={seats} value={mover} onChange={setMover} />
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" disabled={action.busy || !mover}>{t('meeting.propose')}</button>
        <button type="button" onClick={() => setExpanded(false)}>{t('meeting.discard')}</button>
      </div>
    </form>
  );
}
