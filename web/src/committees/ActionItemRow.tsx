import { useState } from 'react';
import { Link } from 'react-router';
import { actionItemStatusValues, type ActionItem, type ActionItemStatus } from '../generated/openapi';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { meetingPath } from './CommitteeMeetings';

interface Props {
  item: ActionItem;
  /** Who owes it, as the list can name them (a person or a seat's organisation). */
  owner: string | null;
  /** Where the item belongs, on lists that mix committees. */
  committee?: { id: string; name: string };
  canChange: boolean;
  busy: boolean;
  onStatus(status: ActionItemStatus): void;
}

/** One action item: what, who, by when, and its status, changeable by the assignee and those who manage the list. */
export function ActionItemRow({ item, owner, committee, canChange, busy, onStatus }: Props) {
  const { t, formatDate } = useI18n();
  const [status, setStatus] = useState(item.status);
  const selectId = `status-${item.itemId}`;
  return (
    <li className="row-item">
      <div>
        <strong><UserText text={item.title} /></strong>
        {item.overdue && <> <span className="error">{t('committee.overdue')}</span></>}
        <div className="muted">
          {t(`committee.actionStatus.${item.status}`)}
          {owner && <> · <UserText text={owner} /></>}
          {item.dueAt && <> · {t('committee.dueOn', { date: formatDate(item.dueAt) })}</>}
          {committee && <> · <Link to={`/committees/${committee.id}/action-items`}><UserText text={committee.name} /></Link></>}
          {item.decisionNumber && <> · <span dir="ltr">{item.decisionNumber}</span></>}
          {item.meetingId && <> · <Link to={meetingPath(item.meetingId)}>{t('committee.openMeeting')}</Link></>}
        </div>
        {item.notes && <div className="muted"><UserText text={item.notes} /></div>}
      </div>
      {canChange && (
        <div className="row-actions">
          <label htmlFor={selectId} className="visually-hidden">{t('committee.statusOf', { title: item.title })}</label>
          <select id={selectId} value={status} onChange={(e) => setStatus(e.target.value as ActionItemStatus)}>
            {actionItemStatusValues.map((s) => <option key={s} value={s}>{t(`committee.actionStatus.${s}`)}</option>)}
          </select>
          <button type="button" disabled={busy || status === item.status} onClick={() => onStatus(status)}
            aria-label={t('committee.setStatusOf', { title: item.title })}>{t('committee.setStatus')}</button>
        </div>
      )}
    </li>
  );
}
