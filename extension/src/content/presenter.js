// What the reader sees of a post: the container's state attribute, the
// veil and its cover, and what screen readers get, all set from the post's
// state (post-state.js) and nowhere else.

import { coverOf } from './posts.js';
import { PostState, PRESENTATION } from './post-state.js';
import { createVeil } from './veil.js';

export class Presenter {
  /**
   * doc, names: the page and its random names. t(key, subs): the strings
   * in use. actions(el): the veil's buttons for a post ({show, hide,
   * notHate, undo, neverRules}).
   */
  constructor({ doc, names, t, actions }) {
    this.doc = doc;
    this.names = names;
    this.t = t;
    this.actions = actions;
  }

  /** Puts a post (el, its info) in a state; v: its verdict, for the veil. */
  present(el, info, state, v = {}) {
    const p = PRESENTATION[state];
    if (p.veil) this.veil(el, info, p.blur);
    else this.unveil(info);
    if (state === PostState.pending) info.since = Date.now();
    info.state = state;
    const S = this.names.state;
    if (el.getAttribute(S) !== p.attr) el.setAttribute(S, p.attr);
    if (p.veil) this.render(info, state, v);
  }

  /** Draws a post's veil for state, with the strings in use. */
  render(info, state, v = {}) {
    info.veil.render(state, state === PostState.allowed ? { rules: (v.rules || []).length } : { category: v.category, why: v.why });
  }

  /** Takes a post's marks away (the guard stops, or changes adapter). */
  unmark(el, info) {
    if (info) this.unveil(info);
    el.removeAttribute(this.names.state);
  }

  veil(el, info, blur) {
    const cover = coverOf(el, info.type);
    if (info.cover && info.cover !== cover) this.unveil(info);
    info.cover = cover;
    info.veil ||= createVeil(this.doc, this.names, (key, subs) => this.t()(key, subs), this.actions(el));
    if (info.veil.host.parentNode !== cover) cover.prepend(info.veil.host);
    cover.setAttribute(this.names.cover, blur ? 'b' : 's');
    if (blur) this.hideFromAT(info);
    else this.restoreAT(info);
  }

  unveil(info) {
    if (!info.cover) return;
    this.restoreAT(info);
    info.cover.removeAttribute(this.names.cover);
    info.veil?.host.remove();
    info.cover = null;
  }

  // Screen readers must not read a blurred post either: its element
  // children are hidden from them (the veil says what is there) and given
  // back their own aria-hidden when shown.
  hideFromAT(info) {
    if (info.hidden) return;
    info.hidden = [];
    for (const child of info.cover.children) {
      if (child === info.veil.host) continue;
      info.hidden.push([child, child.getAttribute('aria-hidden')]);
      child.setAttribute('aria-hidden', 'true');
    }
  }

  restoreAT(info) {
    if (!info.hidden) return;
    for (const [child, old] of info.hidden) {
      if (old === null) child.removeAttribute('aria-hidden');
      else child.setAttribute('aria-hidden', old);
    }
    info.hidden = null;
  }
}
