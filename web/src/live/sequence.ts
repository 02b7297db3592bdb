// A live stream on screen, for every room built on it (sessions/roomState.ts, meetings/meetingState.ts): a snapshot,
// then events applied strictly in sequence order. A repeated event is ignored; one past the next expected number means
// some were missed, so the room joins again from the last one applied instead of drawing a state that never existed.
// A snapshot replaces everything, unless it is older than what the room has.

export interface Sequenced<V extends { sequence: number }> {
  view: V | null;
  /** The last sequence number applied; what a rejoin sends. */
  sequence: number | null;
  /** Set when an event arrived past a gap; cleared by the next event that fits or by a snapshot. */
  gapAfter: number | null;
}

export function withSnapshot<V extends { sequence: number }, S extends Sequenced<V>>(state: S, view: V): S {
  if (state.sequence !== null && view.sequence < state.sequence) return state;
  return { ...state, view, sequence: view.sequence, gapAfter: null };
}

/** The event numbered <sequence> is the next one to apply to a snapshot the room holds. */
export function continues<S extends Sequenced<{ sequence: number }>>(state: S, sequence: number): state is S & { view: NonNullable<S['view']>; sequence: number } {
  return state.view !== null && state.sequence !== null && sequence === state.sequence + 1;
}

/** What an event that does not continue the sequence leaves: the same state, or a gap marked after the last one applied. */
export function outOfSequence<S extends Sequenced<{ sequence: number }>>(state: S, sequence: number): S {
  if (state.view === null || state.sequence === null || sequence <= state.sequence) return state;
  return state.gapAfter === state.sequence ? state : { ...state, gapAfter: state.sequence };
}
