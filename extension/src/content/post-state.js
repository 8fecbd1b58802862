// A post's record, and its states: the guard's one record of what Voile
// knows and shows of a post (PageGuard keeps it in its WeakMap of posts,
// out of the page's reach). The attribute the page's stylesheet reads, the
// veil and what screen readers get all follow from the state, through the
// PRESENTATION table, and are set only by presenter.js.

import { State } from './styles.js';

/**
 * The fields of a post's record and the one module that writes each (the
 * others only read it): discovery.js finds the post and reads its text,
 * batcher.js has it classified, presenter.js shows it, reader.js records
 * what the reader chose.
 */
export const POST_FIELDS = Object.freeze({
  type: 'discovery.js', // its post type in the adapter
  text: 'discovery.js', // the text to classify
  excluded: 'discovery.js', // left alone whatever its text (editor, navigation)
  seq: 'batcher.js', // the batch it was last sent in: older verdicts are dropped
  verdict: 'batcher.js', // the last verdict applied, or null
  state: 'presenter.js', // a PostState, or null before it is first shown
  since: 'presenter.js', // when it last became pending (ms)
  veil: 'presenter.js', // its veil (veil.js), once one was needed
  cover: 'presenter.js', // the element the veil is on, while one is up
  hidden: 'presenter.js', // [element, its own aria-hidden] while blurred
  revealed: 'reader.js', // the fingerprint the reader showed or marked not hate ('unchecked'), or null
});

/** A new record for a post of this type, found by discovery.js. */
export function newPost(type) {
  return { type, text: '', excluded: false, seq: 0, verdict: null, state: null, since: 0, veil: null, cover: null, hidden: null, revealed: null };
}

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
