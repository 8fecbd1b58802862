// The reader's actions on a veiled post, from the veil's buttons: Show and
// Hide, "Not hate" and its Undo, and "Never flag this rule again". Each
// puts the post in a state (post-state.js); the corrections go to
// guard.allow, which records them for this reader. showVerdict keeps
// what the reader chose when a new verdict comes.

import { PostState } from './post-state.js';

/** The veil's actions for the post el of guard (a PageGuard). */
export function readerActions(guard, el) {
  const post = () => guard.info.get(el);
  return {
    show() {
      const info = post();
      if (!info) return;
      const v = info.verdict || {};
      info.revealed = v.fingerprint || 'unchecked';
      guard.presenter.present(el, info, PostState.revealed, v.flagged ? v : { category: '' });
    },
    hide() {
      const info = post();
      if (!info) return;
      info.revealed = null;
      const v = info.verdict;
      if (v && v.flagged) guard.presenter.present(el, info, PostState.blurred, v);
      else guard.presenter.present(el, info, PostState.waiting);
    },
    notHate() {
      const info = post();
      const v = info?.verdict;
      if (!v || !v.fingerprint) return;
      info.revealed = v.fingerprint;
      guard.allow({ post: v.fingerprint });
      guard.presenter.present(el, info, PostState.allowed, v);
    },
    undo() {
      const info = post();
      const v = info?.verdict;
      if (!v) return;
      info.revealed = null;
      guard.allow({ unpost: v.fingerprint });
      guard.presenter.present(el, info, PostState.blurred, v);
    },
    neverRules() {
      const info = post();
      const v = info?.verdict;
      if (!v || !v.rules?.length) return;
      guard.allow({ rules: v.rules });
      guard.presenter.render(info, PostState.allowed, { rules: [] });
    },
  };
}

/**
 * Shows a post's new verdict v as the reader left the post: one they
 * revealed stays revealed while its fingerprint is the same, one they just
 * marked not hate keeps its bar. Returns false when the verdict changed
 * nothing for that reason.
 */
export function showVerdict(presenter, el, info, v) {
  // The reader just said this post is not hate: keep the bar that lets
  // them undo it while the new verdict (allowed) comes back.
  if (info.state === PostState.allowed && v && v.fingerprint === info.revealed) return false;
  if (!v || !v.flagged) {
    presenter.present(el, info, PostState.shown);
    return true;
  }
  if (info.revealed && info.revealed === v.fingerprint) {
    presenter.present(el, info, PostState.revealed, v);
    return true;
  }
  info.revealed = null;
  presenter.present(el, info, PostState.blurred, v);
  return true;
}
