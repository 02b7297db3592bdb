// What the signed-in person owes, across their committees: their own items and those of seats they speak for.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { ActionItemStatus } from '../generated/openapi';
import { FormErrors } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { ActionItemRow } from './ActionItemRow';

export function MyActionItems() {
  const { t } = useI18n();
  const cache = useQueryClient();
  const items = useQuery(queries.myActionItems());
  const spaces = useQuery(queries.mySpaces());
  const committeeName = (id: string) => spaces.data?.find((s) => s.space.id === id)?.name ?? t('kind.committee');
  const setStatus = useMutation({
    mutationFn: ({ committeeId, itemId, status }: { committeeId: string; itemId: string; status: ActionItemStatus }) =>
      api.setActionItemStatus(committeeId, itemId, status),
    onSuccess: (_, { committeeId }) => Promise.all([
      cache.invalidateQueries({ queryKey: queries.myActionItems().queryKey }),
      cache.invalidateQueries({ queryKey: [...keys.space('committee', committeeId), 'action-items'] }),
    ]),
  });
  return (
    <Page title={t('committee.myActionItems')}>
      <FormErrors error={setStatus.error} />
      {items.isPending ? <Loading /> : items.error ? <ErrorMessage error={items.error} /> : items.data.length === 0 ? (
        <p className="muted">{t('committee.noneOwed')}</p>
      ) : <>
        <p className="muted">{t('committee.owedCount', { count: items.data.length })}</p>
        <ul className="rows">
          {items.data.map((item) => (
            <ActionItemRow key={`${item.itemId}/${item.version}`} item={item} owner={null} canChange busy={setStatus.isPending}
              committee={{ id: item.committeeId, name: committeeName(item.committeeId) }}
              onStatus={(status) => setStatus.mutate({ committeeId: item.committeeId, itemId: item.itemId, status })} />
          ))}
        </ul>
      </>}
    </Page>
  );
}

export default MyActionItems;
