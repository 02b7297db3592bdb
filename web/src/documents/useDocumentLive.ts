// Live updates of an open document: joins its stream on the live hub (useLiveStream: resume with the last sequence
// after a drop, rejoin after a gap) and turns what arrives into the REST cache the page already reads. An event
// invalidates the reads it touches, so they are fetched again as the caller may see them; a snapshot (on joining, or
// when too far behind for the kept events) replaces the details and refreshes everything an event could have changed.
// The hub's group messages carry no caller, so what the caller may do (canComment, canManage) stays as REST said.
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useReducer, useState } from 'react';
import { keys, queries } from '../api/queries';
import { loadSession, useSession } from '../auth/session';
import type { DocumentEvent, DocumentSnapshot } from '../generated/hub';
import type { DocumentView } from '../generated/openapi';
import { continues, outOfSequence, withSnapshot, type Sequenced } from '../live/sequence';
import { useLiveStream, type RoomConnection } from '../live/useLiveStream';

type Position = Sequenced<{ sequence: number }>;
type Arrival = { type: 'snapshot'; sequence: number } | { type: 'event'; sequence: number };

/** Only the position in the stream is kept here: the document itself lives in the query cache. */
function position(state: Position, arrival: Arrival): Position {
  if (arrival.type === 'snapshot') return withSnapshot(state, { sequence: arrival.sequence });
  if (!continues(state, arrival.sequence)) return outOfSequence(state, arrival.sequence);
  return { view: { sequence: arrival.sequence }, sequence: arrival.sequence, gapAfter: null };
}

/** What changed, for a polite announcement; only other people's changes are announced. */
export type LiveChange = { kind: 'version'; number: number } | { kind: 'comment' } | { kind: 'access-ended' };

export interface DocumentLive {
  connection: RoomConnection;
  /** The last change someone else made while the page was open. */
  change: LiveChange | null;
}

export function useDocumentLive(documentId: string): DocumentLive {
  const cache = useQueryClient();
  const { session } = useSession();
  const me = session?.personId ?? null;
  const [state, dispatch] = useReducer(position, { view: null, sequence: null, gapAfter: null });
  const [change, setChange] = useState<LiveChange | null>(null);
  const document = keys.document(documentId);
  const details = queries.document(documentId).queryKey;
  const refresh = (part: string) => cache.invalidateQueries({ queryKey: [...document, part] });

  const onEvent = (event: DocumentEvent) => {
    dispatch({ type: 'event', sequence: event.sequence });
    const c = event.change;
    switch (c.type) {
      case 'document-details-changed':
        // Read again rather than merged: the details' version (the If-Match of an edit) is not in the event.
        void refresh('details');
        break;
      case 'version-added':
        void refresh('details');
        void refresh('versions');
        if (c.version.authorPersonId !== me) setChange({ kind: 'version', number: c.version.number });
        break;
      case 'comment-posted':
      case 'comment-changed':
        void refresh('comments');
        if (c.type === 'comment-posted' && c.comment.authorPersonId !== me) setChange({ kind: 'comment' });
        break;
      case 'access-ended':
        if (c.personId === me) {
          setChange({ kind: 'access-ended' });
          // Read again, the document now answers not-found, and the page says so.
          void cache.invalidateQueries({ queryKey: document });
        }
        break;
    }
  };

  const onSnapshot = (snapshot: DocumentSnapshot) => {
    dispatch({ type: 'snapshot', sequence: snapshot.sequence });
    cache.setQueryData<DocumentView>(details, (known) => (known
      ? { ...snapshot.document, canComment: known.canComment, canManage: known.canManage }
      : undefined));
    // Whatever the page read before the snapshot may predate it; a stored version's text and a comparison never change.
    void cache.invalidateQueries({
      queryKey: document,
      predicate: (query: Query) => !['details', 'version', 'compare'].includes(String(query.queryKey[2])),
    });
  };

  const stream = useLiveStream(documentId, () => loadSession()?.token ?? null, {
    sequence: state.sequence,
    gapAfter: state.gapAfter,
    listen: (hub) => {
      hub.on('DocumentSnapshot', onSnapshot);
      hub.on('DocumentEvent', onEvent);
      hub.on('DocumentEvents', (events) => { for (const event of events) onEvent(event); });
    },
    join: async (hub, after) => { await hub.invoke('JoinDocument', documentId, after); },
  });
  return { connection: stream.connection, change };
}
