// The states of a post: the guard's one record of what Voile shows of it
// (PageGuard keeps it in its WeakMap of posts, out of the page's reach).
// The attribute the page's stylesheet reads, the veil and what screen
// readers get all follow from the state, through this table, and are set
// only by presenter.js.

import { State } from './styles.js';

export const PostState = Object.freeze({
  pending: 'pending', // hidden until its verdict
  shown: 'shown', // clean, too short to judge, or left alone
  blurred: 'blurred', // flagged: blurred under a veil
  waiting: 'waiting', // no verdict in time: blurred under a "not checked yet" veil
  revealed: 'revealed', // the reader pressed Show: shown under the veil's bar
  allowed: 'allowed', // the reader marked it not hate: shown under the veil's bar
});

/**
 * For each state: the container's attribute (styles.js State), whether a
 * veil is up, and whether the post under it is blurred (and hidden from
 * screen readers).
 */
export const PRESENTATION = Object.freeze({
  [PostState.pending]: { attr: State.PENDING, veil: false, blur: false },
  [PostState.shown]: { attr: State.SHOWN, veil: false, blur: false },
  [PostState.blurred]: { attr: State.BLURRED, veil: true, blur: true },
  [PostState.waiting]: { attr: State.BLURRED, veil: true, blur: true },
  [PostState.revealed]: { attr: State.SHOWN, veil: true, blur: false },
  [PostState.allowed]: { attr: State.SHOWN, veil: true, blur: false },
});

/**
 * Whether a post whose words changed stays as it is until its new verdict
 * rather than going back to pending: a veil stays up, and a post the
 * reader revealed (fingerprint revealed) stays shown.
 */
export function keptUntilVerdict(state, revealed) {
  return state === PostState.blurred || state === PostState.waiting
    || ((state === PostState.revealed || state === PostState.allowed) && !!revealed);
}

/** The names modeOf gives tests ('unchecked' for waiting). */
export const MODE_NAMES = Object.freeze({ ...PostState, waiting: 'unchecked' });
