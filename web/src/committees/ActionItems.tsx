// A committee's action items, the overdue ones alone on request; the chair, secretary and coordinators add them, and
// the person or seat that owes one moves it along.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { ActionItem, ActionItemStatus, CommitteeDetails, Seat } from '../generated/openapi';
import { CheckboxField, FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { usePersonNames } from '../spaces/usePersonNames';
import { ActionItemRow } from './ActionItemRow';
import { AddActionItem } from './AddActionItem';
import { useCommitteeStanding, type CommitteeStanding } from './standing';

/** The assignee, or someone who speaks for the seat that owes it, may change its status; so may those who manage the list. */
export function mayChange(item: ActionItem, standing: CommitteeStanding, seats: readonly Seat[]): boolean {
  if (standing.organises) return true;
  const me = standing.personId;
  if (!me) return false;
  if (item.assignee.personId === me) return true;
  const seat = seats.find((s) => s.seatId === item.assignee.seatId);
  return !!seat && seat.status === 'active' && (seat.representative === me || seat.alternate === me);
}

export function ActionItems({ committee }: { committee: CommitteeDetails }) {
  const { t } = useI18n();
  const standing = useCommitteeStanding(committee);
  const cache = useQueryClient();
  const [overdue, setOverdue] = useState(false);
  const items = useQuery(queries.actionItems(committee.id, overdue));
  const seats = useQuery(queries.seats(committee.id));
  const names = usePersonNames((items.data ?? []).map((i) => i.assignee.personId));
  const setStatus = useMutation({
    mutationFn: ({ itemId, status }: { itemId: string; status: ActionItemStatus }) => api.setActionItemStatus(committee.id, itemId, status),
    onSuccess: () => Promise.all([
      cache.invalidateQueries({ queryKey: [...keys.space('committee', committee.id), 'action-items'] }),
      cache.invalidateQueries({ queryKey: queries.myActionItems().queryKey }),
    ]),
  });
  const ownerOf = (item: ActionItem) => {
    if (item.assignee.personId) return names.get(item.assignee.personId) ?? null;
    return seats.data?.find((s) => s.seatId === item.assignee.seatId)?.organisationName ?? null;
  };
  return (
    <section aria-labelledby="action-items-heading">
      <h2 id="action-items-heading">{t('committee.actionItemsTitle')}</h2>
      <CheckboxField label={t('committee.overdueOnly')} name="overdue" checked={overdue} onChange={setOverdue} />
      <FormErrors error={setStatus.error} />
      {items.isPending ? <Loading /> : items.error ? <ErrorMessage error={items.error} /> : items.data.length === 0 ? (
        <p className="muted">{t(overdue ? 'committee.noOverdue' : 'committee.noActionItems')}</p>
      ) : (
        <ul className="rows">
          {items.data.map((item) => (
            // Keyed by version: after a change the row's select starts from the status the server now says.
            <ActionItemRow key={`${item.itemId}/${item.version}`} item={item} owner={ownerOf(item)} canChange={mayChange(item, standing, seats.data ?? [])}
              busy={setStatus.isPending} onStatus={(status) => setStatus.mutate({ itemId: item.itemId, status })} />
          ))}
        </ul>
      )}
      {standing.organises && <AddActionItem committeeId={committee.id} seats={seats.data ?? []} />}
    </section>
  );
}
