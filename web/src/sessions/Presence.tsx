import { UserText } from '../components/UserText';
import { useHubAction, type LiveSession } from './useLiveSession';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n';
import type { LiveSessionView } from '../generated/hub';

/**
 * Who is here now, with counts per organisation. Facilitators can mute and unmute participants, make one a
 * co-facilitator, or remove one from the session (they cannot rejoin it); each is recorded in the audit log.
 */
export function Presence({ view, facilitator, call }: { view: LiveSessionView; facilitator: boolean; call: LiveSession['call'] }) {
  const { t } = useI18n();
  const action = useHubAction();
  const people = [...view.present].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="room-presence" className="room-panel">
      <h2 id="room-presence">{t('room.present', { count: people.length })}</h2>
      <ErrorMessage error={action.error} />
      <ul className="people">
        {people.map((p) => {
          const muted = view.muted.includes(p.personId);
          // Presence events carry the role someone joined with; an appointment since then is in the details.
          const role = view.details.coFacilitators.includes(p.personId) ? 'facilitator' : p.role;
          return (
            <li key={p.personId}>
              <UserText text={p.name} />
              <span className="muted"> · {t(`sessionRole.${role}`)}{muted ? ` · ${t('room.muted')}` : ''}</span>
              {facilitator && role === 'participant' && (
                <span className="row-actions">
                  <button type="button" className="link-button" disabled={action.busy}
                    onClick={() => action.run(async () => { await call('Mute', p.personId, !muted); })}>
                    {muted ? t('room.unmute', { name: p.name }) : t('room.mute', { name: p.name })}
                  </button>
                  <button type="button" className="link-button" disabled={action.busy}
                    onClick={() => action.run(async () => { await call('AppointCoFacilitator', p.personId); })}>
                    {t('room.appoint', { name: p.name })}
                  </button>
                  <button type="button" className="link-button danger" disabled={action.busy}
                    onClick={() => { if (window.confirm(t('room.removeConfirm', { name: p.name }))) void action.run(async () => { await call('RemoveParticipant', p.personId); }); }}>
                    {t('room.remove', { name: p.name })}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {view.organisations.length > 0 && (
        <>
          <h3>{t('room.byOrganisation')}</h3>
          <ul className="people">
            {view.organisations.map((o) => (
              <li key={o.organisationId}><UserText text={o.name} />: {o.present}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
