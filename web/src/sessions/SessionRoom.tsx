// The live session room (/sessions/:id), loaded as its own chunk: it brings SignalR. Everything on screen is drawn
// from the room state (a snapshot plus events in sequence order); actions go to the hub, and their effect arrives
// back as events like everyone else's, so all participants see the same thing.
import { Link, useParams } from 'react-router';
import { RequireSignIn, loadSession, useSession } from '../auth/session';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserParagraphs } from '../components/UserText';
import { useI18n } from '../i18n';
import { spacePath } from '../spaces/paths';
import { Agenda } from './Agenda';
import { BreakoutPanel } from './Breakout';
import { Contributions } from './Contributions';
import { FacilitatorConsole } from './FacilitatorConsole';
import { PollPanel } from './Poll';
import { Presence } from './Presence';
import { SessionAudit } from './SessionAudit';
import { currentItem, namesOf } from './roomState';
import { SessionRecord } from './SessionRecord';
import { SpeakingQueue } from './SpeakingQueue';
import { StatementsPanel } from './Statements';
import { useLiveSession, type LiveSession } from './useLiveSession';

export default function SessionRoom() {
  const { id = '' } = useParams();
  // A room per session: following a link to another session starts from nothing rather than from this one's state.
  return <RequireSignIn><Room key={id} id={id} /></RequireSignIn>;
}

function Room({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const live = useLiveSession(id, () => loadSession()?.token ?? null);
  const view = live.state.view;

  if (!view) {
    return (
      <Page title={t('session.title')}>
        {live.ended ? <EndedBanner ended={live.ended} /> : live.joinError ? <ErrorMessage error={live.joinError} /> : <Loading />}
      </Page>
    );
  }

  const { details } = view;
  const me = session?.personId ?? '';
  // Appointed during the session, or a role the forum changed: the hub told everyone, but this connection joined
  // with its earlier role.
  const changed = me in live.state.roles ? live.state.roles[me] : undefined;
  const lostAccess = changed === null;
  const role = lostAccess ? null : details.coFacilitators.includes(me) ? 'facilitator' : changed ?? live.role ?? details.yourRole;
  const facilitator = role === 'facilitator';
  const removed = live.state.removed.includes(me) || lostAccess;
  const participant = role === 'participant' && !removed && !view.muted.includes(me);
  return (
    <Page title={details.title}>
      <ConnectionBanner connection={live.connection} />
      <p className="muted">
        <Link to={spacePath({ kind: 'forum', id: details.forumId })}>{t('room.backToForum')}</Link>
        {' · '}{t(`status.${details.status}`)}
        {role && <> · {t('room.yourRole', { role: t(`sessionRole.${role}`) })}</>}
        {role === 'participant' && !removed && !participant && <> · {t('room.youAreMuted')}</>}
      </p>
      {live.state.removed.includes(me) && <p role="alert" className="banner warning">{t('room.youWereRemoved')}</p>}
      {lostAccess && <p role="alert" className="banner warning">{t('room.accessLost')}</p>}
      {live.ended && <EndedBanner ended={live.ended} />}
      {details.description && <UserParagraphs text={details.description} />}
      <div className="room">
        <div className="room-main">
          {facilitator && details.status !== 'closed' && <FacilitatorConsole details={details} call={live.call}
            rooms={view.items.find((i) => i.itemId === details.agenda[details.currentItem]?.id)?.rooms ?? []} />}
          {details.status === 'closed'
            ? <SessionRecord sessionId={details.id} />
            : <CurrentItem live={live} me={me} participant={participant} facilitator={facilitator} />}
          {facilitator && <SessionAudit sessionId={details.id} names={namesOf(view)}
            changes={[details.status, details.coFacilitators.length, view.muted.join(), live.state.removed.length, details.agenda.length].join('|')} />}
        </div>
        <aside className="room-side" aria-label={t('room.sidebar')}>
          <Agenda details={details} />
          <Presence view={view} facilitator={facilitator} call={live.call} />
        </aside>
      </div>
    </Page>
  );
}

function EndedBanner({ ended }: { ended: NonNullable<LiveSession['ended']> }) {
  const { t } = useI18n();
  return <p role="alert" className="banner warning">{t(ended.code === 'live-session.credential-expired' ? 'room.credentialExpired' : 'room.signedOut')}</p>;
}

function ConnectionBanner({ connection }: { connection: LiveSession['connection'] }) {
  const { t } = useI18n();
  // An ended connection is explained by its own alert.
  const lost = connection !== 'connected' && connection !== 'ended';
  return (
    <div role="status" className={lost ? 'banner warning' : 'visually-hidden'}>
      {lost ? (connection === 'offline' ? t('room.offline') : t('room.reconnecting')) : ''}
    </div>
  );
}

function CurrentItem({ live, me, participant, facilitator }: { live: LiveSession; me: string; participant: boolean; facilitator: boolean }) {
  const { t } = useI18n();
  const view = live.state.view!;
  const now = currentItem(view);
  if (!now) {
    return (
      <section className="room-panel" aria-labelledby="room-waiting">
        <h2 id="room-waiting">{t(view.details.status === 'lobby' ? 'room.lobby' : 'room.notStarted')}</h2>
        <p>{t('room.waitingForStart')}</p>
      </section>
    );
  }
  const { item, content } = now;
  const names = namesOf(view);
  // Back in the plenary after a breakout: what each room reported.
  const before = view.details.agenda[view.details.currentItem - 1];
  const reports = item.format !== 'breakout' && before?.format === 'breakout'
    ? (view.items.find((i) => i.itemId === before.id)?.rooms ?? []).filter((r) => r.summary)
    : [];
  return (
    <>
      <h2 className="current-item"><span className="muted">{t('room.currentItem')}:</span> <span dir="auto">{item.title}</span></h2>
      {content.outcome && <div className="room-panel"><h3>{t('room.outcome')}</h3><UserParagraphs text={content.outcome} /></div>}
      {reports.length > 0 && (
        <section aria-labelledby="room-reports" className="room-panel">
          <h2 id="room-reports">{t('room.roomReports')}</h2>
          {reports.map((r) => <div key={r.id}><h3>{r.name}</h3><UserParagraphs text={r.summary!} /></div>)}
        </section>
      )}
      {item.format === 'plenary' && (
        <Contributions heading={t('room.contributions')} contributions={content.contributions.filter((c) => !c.roomId)}
          canPost={participant} call={live.call} />
      )}
      {item.format === 'speaking-round' && (
        <SpeakingQueue queue={content.queue} me={me} names={names} participant={participant} facilitator={facilitator} call={live.call} />
      )}
      {item.format === 'poll' && <PollPanel key={item.id} item={item} result={content.poll} participant={participant} call={live.call} />}
      {item.format === 'statements' && (
        <StatementsPanel key={item.id} itemId={item.id} statements={content.statements} results={content.statementResults}
          participant={participant} call={live.call} />
      )}
      {item.format === 'breakout' && (
        <BreakoutPanel content={content} me={me} names={names} participant={participant} facilitator={facilitator} call={live.call} />
      )}
    </>
  );
}
