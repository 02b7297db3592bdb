// The room of one committee meeting (/meetings/:id), loaded as its own chunk: it brings SignalR. Everything on screen
// is drawn from the meeting's live state (a snapshot plus events in sequence order); the controls change it over REST,
// and their effect arrives back through the hub like everyone else's, so everyone in the room sees the same thing.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { queries } from '../api/queries';
import { RequireSignIn, loadSession, useSession } from '../auth/session';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import type { Seat } from '../generated/openapi';
import { useI18n } from '../i18n';
import type { RoomConnection } from '../live/useLiveStream';
import { Attendance } from './Attendance';
import { MeetingAgenda } from './MeetingAgenda';
import { MeetingHeader } from './MeetingHeader';
import { Motions } from './Motions';
import { useMeeting } from './useMeeting';

export default function MeetingRoom() {
  const { id = '' } = useParams();
  // A room per meeting: following a link to another meeting starts from nothing rather than from this one's state.
  return <RequireSignIn><Room key={id} id={id} /></RequireSignIn>;
}

/** A seat by its organisation's name, as the committee lists it; the id where the list has not come yet. */
export type SeatName = (seatId: string | null) => string;

function Room({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const live = useMeeting(id, () => loadSession()?.token ?? null);
  const view = live.state.view;
  const committeeId = view?.committeeId ?? '';
  const committee = useQuery({ ...queries.details('committee', committeeId), enabled: !!committeeId });
  const seatList = useQuery({ ...queries.seats(committeeId), enabled: !!committeeId });

  if (!view) {
    return (
      <Page title={t('meeting.title')}>
        {live.ended ? <EndedBanner /> : live.joinError ? <ErrorMessage error={live.joinError} /> : <Loading />}
      </Page>
    );
  }

  const seats: Seat[] = (seatList.data ?? []).filter((s) => s.status === 'active');
  const seatName: SeatName = (seatId) => (seatId ? seats.find((s) => s.seatId === seatId)?.organisationName ?? seatId : '');
  const lostAccess = !!session && live.state.accessEnded.includes(session.personId);
  const you = lostAccess ? null : live.you;
  const rules = committee.data && 'rules' in committee.data ? committee.data.rules : null;
  return (
    <Page title={view.title}>
      <ConnectionBanner connection={live.connection} />
      {live.ended && <EndedBanner />}
      {lostAccess && <p role="alert" className="banner warning">{t('meeting.accessLost')}</p>}
      <p className="muted">
        <Link to={`/committees/${view.committeeId}`}>{t('meeting.backToCommittee', { name: committee.data?.name ?? '' })}</Link>
      </p>
      <MeetingHeader view={view} you={you} />
      <ErrorMessage error={seatList.error} />
      <div className="room">
        <div className="room-main">
          <Motions view={view} you={you} seats={seats} seatName={seatName} defaultMethod={rules?.defaultMethod ?? 'simple-majority'} />
        </div>
        <aside className="room-side" aria-label={t('meeting.sidebar')}>
          <MeetingAgenda agenda={view.agenda} />
          <Attendance view={view} you={you} seats={seats} seatName={seatName} />
        </aside>
      </div>
    </Page>
  );
}

function EndedBanner() {
  const { t } = useI18n();
  return <p role="alert" className="banner warning">{t('meeting.signedOut')}</p>;
}

function ConnectionBanner({ connection }: { connection: RoomConnection }) {
  const { t } = useI18n();
  // An ended connection is explained by its own alert.
  const lost = connection !== 'connected' && connection !== 'ended' && connection !== 'connecting';
  return (
    <div role="status" className={lost ? 'banner warning' : 'visually-hidden'}>
      {lost ? (connection === 'offline' ? t('meeting.offline') : t('meeting.reconnecting')) : ''}
    </div>
  );
}
