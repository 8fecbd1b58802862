// The page guard: finds posts as the page builds them, has them classified,
// and blurs the flagged ones, without letting a post be painted before its
// verdict. A stylesheet hides every post container not yet marked;
// discovery.js finds the posts and reads their text, batcher.js sends
// their texts to the classifier in one batch and applies the verdicts,
// presenter.js shows each post's state (post-state.js) and reader.js
// handles the veil's buttons. This file wires them together and decides
// what a post found shows until its verdict.

import { pageCss, installCss } from './styles.js';
import { PostState, MODE_NAMES, keptUntilVerdict } from './post-state.js';
import { Presenter } from './presenter.js';
import { readerActions } from './reader.js';
import { PostFinder } from './discovery.js';
import { Batcher } from './batcher.js';

/** How long a post may wait for its verdict before it is veiled as unchecked. */
export const WAIT_MS = 2000;

export class PageGuard {
  /**
   * doc: the page's document. compiled: the adapter (compileAdapter).
   * names: randomNames(). classify(texts) resolves to one verdict or null
   * per text (see classifier-port.js). t(key, subs): strings. allow(change)
   * records the reader's correction: {post}, {unpost} or {rules: [...]}.
   * onFlagged(verdict) is called once per distinct flagged post.
   */
  constructor({ doc, compiled, names, classify, t, allow = () => {}, onFlagged = () => {}, waitMs = WAIT_MS }) {
    this.doc = doc;
    this.names = names;
    this.t = t;
    this.allow = allow;
    // container -> its record (post-state.js newPost): what the page must
    // not read (why a post is blurred or shown, what the reader did) is
    // kept here, out of the DOM.
    this.info = new WeakMap();
    this.presenter = new Presenter({ doc, names, t: () => this.t, actions: el => readerActions(this, el) });
    this.finder = new PostFinder({
      doc, names, compiled, posts: this.info,
      on: {
        found: (el, info) => this.admit(el, info),
        wordless: (el, info) => this.hold(el, info),
        excluded: (el, info) => this.presenter.present(el, info, PostState.shown),
        scanned: () => this.batcher.flush(),
      },
    });
    this.batcher = new Batcher({
      doc, names, posts: this.info, presenter: this.presenter, classify, onFlagged, waitMs,
      observerMs: () => this.finder.busy,
    });
    this.css = null;
  }

  /**
   * Installs the stylesheet, checks what is already there and watches for
   * more; with compiled, with that adapter.
   */
  start(compiled = this.finder.compiled) {
    this.finder.setAdapter(compiled);
    const css = pageCss(this.names, compiled.containers);
    if (this.css) this.css.update(css);
    else this.css = installCss(this.doc, css);
    this.finder.start();
  }

  /** Stops guarding: removes the stylesheet, the veils and the marks. */
  stop() {
    this.finder.stop();
    this.batcher.stop();
    this.css?.remove();
    this.css = null;
    this.unmarkAll();
  }

  /** Whether the guard is on (between start and stop). */
  get running() { return this.finder.running; }

  /** The MutationObserver on the whole document, once the page is parsed. */
  get observer() { return this.finder.observer; }

  /** The id of the adapter in use. */
  get adapterId() { return this.finder.compiled.id; }

  /** Whether any post was sent to the classifier yet. */
  get sentAny() { return this.batcher.sentAny; }

  /**
   * Switches to another adapter (an update, or a site recognised late);
   * one that finds the same posts changes nothing.
   */
  setAdapter(compiled) {
    if (compiled.containers === this.finder.compiled.containers) return;
    this.finder.setAdapter(compiled);
    if (this.css) this.css.update(pageCss(this.names, compiled.containers));
    // What the previous adapter marked goes: a paragraph the generic
    // adapter veiled inside a post the new one finds would get a second
    // veil. Posts stay hidden by the new stylesheet until classified again.
    this.unmarkAll();
    this.finder.rescan();
  }

  /**
   * Classifies every guarded post again (new lists, new settings). Posts
   * keep what they show until their new verdict arrives.
   */
  recheck() {
    for (const el of this.doc.querySelectorAll(`[${this.names.state}]`)) {
      const info = this.info.get(el);
      if (!info || info.excluded) continue;
      this.finder.readText(el, info);
      this.batcher.add(el);
    }
    this.batcher.flush();
  }

  /** Uses other strings (the interface language changed), and draws every veil again with them. */
  setTranslator(t) {
    this.t = t;
    this.relabel();
  }

  /** Draws every veil again, after the interface language changed. */
  relabel() {
    for (const el of this.doc.querySelectorAll(`[${this.names.state}]`)) {
      const info = this.info.get(el);
      if (!info || !info.cover) continue; // no veil up
      this.presenter.render(info, info.state, info.verdict || {});
    }
  }

  /**
   * Counts of distinct flagged posts seen on this page, and why the
   * classifier last failed here ('' when it answers).
   */
  pageCounts() {
    return this.batcher.pageCounts();
  }

  // A post found (or whose words changed): decided at once when too short
  // to judge; else queued, hidden until its verdict.
  admit(el, info) {
    if (info.text.length < Math.max(1, info.type.minLength)) {
      this.batcher.cancel(info);
      this.presenter.present(el, info, PostState.shown);
      return;
    }
    // A veiled post keeps its veil, and a post the reader revealed stays
    // shown, until the new verdict.
    if (!keptUntilVerdict(info.state, info.revealed)) this.presenter.present(el, info, PostState.pending);
    this.batcher.add(el);
  }

  // A post without its words yet (the page is still parsed): hidden, and
  // no verdict still on its way applies.
  hold(el, info) {
    this.batcher.cancel(info);
    this.presenter.present(el, info, PostState.pending);
  }

  // ---- what the reader sees ---------------------------------------------------

  /**
   * What Voile shows of a post, for tests: 'pending', 'shown', 'blurred',
   * 'unchecked', 'revealed' or 'allowed' (marked as not hate), or null.
   * Page scripts cannot tell the last two from 'shown'.
   */
  modeOf(el) {
    const info = this.info.get(el);
    if (!info?.state || !el.hasAttribute(this.names.state)) return null;
    return MODE_NAMES[info.state];
  }

  unmarkAll() {
    for (const el of this.doc.querySelectorAll(`[${this.names.state}]`)) {
      this.presenter.unmark(el, this.info.get(el));
      this.info.delete(el);
    }
  }
}
