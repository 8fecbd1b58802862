// The page guard: finds posts as the page builds them, has them classified,
// and blurs the flagged ones, without letting a post be painted before its
// verdict. A stylesheet hides every post container not yet marked; while
// the page is parsed the guard scans for them once per frame, then a
// MutationObserver callback (which runs before the next paint) marks posts
// added later (infinite scroll) pending and sends their text to the
// classifier in one batch; the verdict then shows the post or blurs it
// under a veil. Each post has one state (post-state.js), which
// presenter.js shows; reader.js handles the veil's buttons.

import { containersIn, containerOf, postTypeOf, postText, isExcluded } from './posts.js';
import { pageCss, installCss } from './styles.js';
import { PostState, PRESENTATION, MODE_NAMES, keptUntilVerdict } from './post-state.js';
import { Presenter } from './presenter.js';
import { readerActions } from './reader.js';

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
    this.compiled = compiled;
    this.names = names;
    this.classifyTexts = classify;
    this.t = t;
    this.allow = allow;
    this.onFlagged = onFlagged;
    this.waitMs = waitMs;
    // container -> {type, text, seq, state, verdict, revealed, since, veil,
    // cover, hidden}: what the page must not read (why a post is blurred
    // or shown, what the reader did) is kept here, out of the DOM.
    this.info = new WeakMap();
    this.presenter = new Presenter({ doc, names, t: () => this.t, actions: el => readerActions(this, el) });
    this.queue = new Set();
    this.seq = 0;
    this.counts = { flagged: 0, categories: {} };
    // Why the last batch got no verdicts ('' once one does): the popup
    // tells the reader, whose posts stay veiled as unchecked meanwhile.
    this.classifierError = '';
    this.flaggedSeen = new Set(); // fingerprints counted on this page
    this.css = null;
    this.observer = null;
    this.waitTimer = null;
    this.busy = 0; // ms spent in the observer callback, for measurements
  }

  /**
   * Installs the stylesheet, checks what is already there and watches for
   * more; with compiled, with that adapter.
   */
  start(compiled = this.compiled) {
    this.compiled = compiled;
    const css = pageCss(this.names, this.compiled.containers);
    if (this.css) this.css.update(css);
    else this.css = installCss(this.doc, css);
    this.running = true;
    if (this.doc.readyState === 'loading') this.startLoading();
    else this.startObserving();
  }

  // While the parser builds the page, every node it inserts would be a
  // mutation record: tens of thousands for a long feed. The stylesheet
  // already hides every post container not yet marked, so instead of
  // observing the document, the guard looks for unmarked containers once
  // per frame (just before it is painted) and at DOMContentLoaded, with one
  // querySelectorAll each time, and observes only the containers it found:
  // the parser may still be adding words to the last ones, and a script
  // may change any of them. From DOMContentLoaded on it observes the
  // whole document.
  startLoading() {
    const win = this.doc.defaultView;
    this.loading = true;
    this.emptyWhileLoading = new Set();
    this.loadingObserver = new win.MutationObserver(records => this.onMutations(records));
    const frame = () => {
      if (!this.running || this.observer) return;
      this.loadingScan();
      this.rafId = win.requestAnimationFrame(frame);
    };
    this.rafId = win.requestAnimationFrame(frame);
    this.onLoaded = () => {
      if (!this.running) return;
      win.cancelAnimationFrame(this.rafId);
      this.loading = false;
      // Containers still empty now have nothing to judge: they are shown.
      for (const el of this.emptyWhileLoading) {
        const info = this.info.get(el);
        if (info && info.text.length === 0) this.reread(el, true);
      }
      this.emptyWhileLoading.clear();
      this.loadingScan();
      this.loadingObserver.disconnect();
      this.loadingObserver = null;
      this.startObserving();
    };
    this.doc.addEventListener('DOMContentLoaded', this.onLoaded, { once: true });
  }

  loadingScan() {
    // Changes inside containers already found come first (they are queued
    // records of the container observer).
    const pending = this.loadingObserver.takeRecords();
    if (pending.length) this.handleMutations(pending);
    const S = this.names.state;
    const opts = { childList: true, subtree: true, characterData: true };
    for (const el of this.doc.querySelectorAll(`:is(${this.compiled.containers}):not([${S}])`)) {
      this.consider(el);
      this.loadingObserver.observe(el, opts);
    }
    this.flush();
  }

  startObserving() {
    const win = this.doc.defaultView;
    this.observer = new win.MutationObserver(records => this.onMutations(records));
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
    if (this.doc.documentElement) this.scan(this.doc.documentElement);
    this.flush();
  }

  /** Stops guarding: removes the stylesheet, the veils and the marks. */
  stop() {
    this.running = false;
    this.loading = false;
    this.observer?.disconnect();
    this.observer = null;
    this.loadingObserver?.disconnect();
    this.loadingObserver = null;
    if (this.onLoaded) this.doc.removeEventListener('DOMContentLoaded', this.onLoaded);
    this.onLoaded = null;
    this.doc.defaultView.clearTimeout(this.waitTimer);
    this.waitTimer = null;
    this.css?.remove();
    this.css = null;
    for (const el of this.doc.querySelectorAll(`[${this.names.state}]`)) this.unmark(el);
    this.queue.clear();
  }

  /** The id of the adapter in use. */
  get adapterId() { return this.compiled.id; }

  /** Whether any post was sent to the classifier yet. */
  get sentAny() { return this.seq > 0; }

  /**
   * Switches to another adapter (an update, or a site recognised late);
   * one that finds the same posts changes nothing.
   */
  setAdapter(compiled) {
    if (compiled.containers === this.compiled.containers) return;
    this.compiled = compiled;
    if (this.css) this.css.update(pageCss(this.names, compiled.containers));
    // What the previous adapter marked goes: a paragraph the generic
    // adapter veiled inside a post the new one finds would get a second
    // veil. Posts stay hidden by the new stylesheet until classified again.
    for (const el of this.doc.querySelectorAll(`[${this.names.state}]`)) this.unmark(el);
    if (this.observer && this.doc.documentElement) this.scan(this.doc.documentElement);
    this.flush();
  }

  /**
   * Classifies every guarded post again (new lists, new settings). Posts
   * keep what they show until their new verdict arrives.
   */
  recheck() {
    for (const el of this.doc.querySelectorAll(`[${this.names.state}]`)) {
      const info = this.info.get(el);
      if (!info || info.excluded) continue;
      info.text = postText(el, info.type, this.compiled);
      this.queue.add(el);
    }
    this.flush();
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
    return { flagged: this.counts.flagged, categories: { ...this.counts.categories }, classifierError: this.classifierError };
  }

  // ---- finding posts --------------------------------------------------------

  onMutations(records) {
    const t0 = this.doc.defaultView.performance.now();
    try {
      this.handleMutations(records);
    } finally {
      this.busy += this.doc.defaultView.performance.now() - t0;
    }
  }

  handleMutations(records) {
    const touched = new Set();
    // Elements added in this batch: their subtrees are scanned once, from
    // the highest one (the parser adds a post, then each of its children).
    const added = new Set();
    const V = this.names.veil.toUpperCase();
    for (const r of records) {
      if (r.type === 'childList') {
        let ours = true;
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && n.tagName === V) continue;
          ours = false;
          if (n.nodeType !== 1) continue;
          if (added.has(n.parentNode)) { added.add(n); continue; }
          added.add(n);
          this.scan(n);
        }
        for (const n of r.removedNodes) if (!(n.nodeType === 1 && n.tagName === V)) ours = false;
        if (ours) continue; // a veil of ours came or went
      }
      if (added.has(r.target)) continue;
      const c = containerOf(r.target, this.compiled);
      if (c) touched.add(c);
    }
    // A post whose words changed (text streamed in, an edit) is checked
    // again; a change elsewhere in it (a like count) is not.
    for (const c of touched) this.reread(c);
    this.flush();
  }

  reread(c, force = false) {
    const info = this.info.get(c);
    if (!info || info.excluded || !c.isConnected) return;
    const text = postText(c, info.type, this.compiled);
    if (text === info.text && !force) return;
    info.text = text;
    this.admit(c, info);
  }

  scan(root) {
    for (const el of containersIn(root, this.compiled)) this.consider(el);
  }

  // Whether the page has an editor at all, looked up once per batch: most
  // posts are then spared a walk up their ancestors.
  neverPresent() {
    if (this.neverCache === undefined) {
      this.neverCache = !!this.compiled.never && this.doc.querySelector(this.compiled.never) !== null;
      queueMicrotask(() => { this.neverCache = undefined; });
    }
    return this.neverCache;
  }

  consider(el) {
    if (this.info.has(el) && el.hasAttribute(this.names.state)) return;
    const type = postTypeOf(el, this.compiled);
    if (!type) return;
    const info = { type, text: '', seq: 0, state: null, verdict: null, revealed: null, since: 0, veil: null, cover: null, hidden: null, excluded: false };
    this.info.set(el, info);
    if (isExcluded(el, type, this.compiled, this.neverPresent())) {
      info.excluded = true;
      this.presenter.present(el, info, PostState.shown);
      return;
    }
    info.text = postText(el, type, this.compiled);
    this.admit(el, info);
  }

  // Decides at once for a post too short to judge; queues the others,
  // hidden until their verdict.
  admit(el, info) {
    if (this.loading && info.text.length === 0) {
      // The parser added the container but not yet its words: wait for
      // them (or for DOMContentLoaded) rather than show an empty box that
      // would be hidden again.
      info.seq = ++this.seq;
      this.presenter.present(el, info, PostState.pending);
      this.emptyWhileLoading.add(el);
      return;
    }
    this.emptyWhileLoading?.delete(el);
    if (info.text.length < Math.max(1, info.type.minLength)) {
      info.seq = ++this.seq; // drops any verdict still on its way
      this.presenter.present(el, info, PostState.shown);
      return;
    }
    // A veiled post keeps its veil, and a post the reader revealed stays
    // shown, until the new verdict.
    if (!keptUntilVerdict(info.state, info.revealed)) this.presenter.present(el, info, PostState.pending);
    this.queue.add(el);
  }

  // ---- classifying ------------------------------------------------------------

  flush() {
    if (this.queue.size === 0) return;
    const els = [...this.queue];
    this.queue.clear();
    const texts = [];
    const seqs = [];
    for (const el of els) {
      const info = this.info.get(el);
      info.seq = ++this.seq;
      seqs.push(info.seq);
      texts.push(info.text);
    }
    this.armWaitTimer();
    const sent = this.mark('voile:batch-sent', els.length);
    let result;
    try {
      result = this.classifyTexts(texts);
    } catch (err) {
      result = Promise.reject(err);
    }
    Promise.resolve(result).then(
      verdicts => {
        if (!Array.isArray(verdicts) || verdicts.length !== els.length) {
          throw new Error(`classifier answered ${verdicts?.length} verdicts for ${els.length} posts`);
        }
        this.classifierError = '';
        const got = this.mark('voile:batch-answered', els.length);
        els.forEach((el, i) => {
          const info = this.info.get(el);
          if (info && info.seq === seqs[i]) this.apply(el, info, verdicts[i]);
        });
        this.measure('voile:batch', sent, got, { posts: els.length, hostMs: verdicts.hostMs, observerMs: this.busy });
      },
      // Posts whose verdict cannot come stay hidden until the wait timer
      // veils them as unchecked: a failure must not show hate. The reader
      // learns why from the popup.
      err => { this.classifierError = String(err && err.message || err); },
    );
  }

  // Performance marks (visible in a browser trace and to the benchmark):
  // one per batch sent and answered, cheap enough to keep.
  mark(name, n) {
    const perf = this.doc.defaultView.performance;
    try { return perf.mark(name, { detail: n }); } catch { return null; }
  }

  measure(name, start, end, n) {
    if (!start || !end) return;
    try { this.doc.defaultView.performance.measure(name, { start: start.startTime, end: end.startTime, detail: n }); } catch { /* old browser */ }
  }

  armWaitTimer() {
    if (this.waitTimer) return;
    const win = this.doc.defaultView;
    this.waitTimer = win.setTimeout(() => {
      this.waitTimer = null;
      let left = false;
      for (const el of this.doc.querySelectorAll(`[${this.names.state}="${PRESENTATION[PostState.pending].attr}"]`)) {
        const info = this.info.get(el);
        if (info?.state !== PostState.pending) continue;
        if (Date.now() - info.since >= this.waitMs) this.presenter.present(el, info, PostState.waiting);
        else left = true;
      }
      if (left) this.armWaitTimer();
    }, this.waitMs);
  }

  apply(el, info, v) {
    info.verdict = v;
    // The reader just said this post is not hate: keep the bar that lets
    // them undo it while the new verdict (allowed) comes back.
    if (info.state === PostState.allowed && v && v.fingerprint === info.revealed) return;
    if (!v || !v.flagged) {
      this.presenter.present(el, info, PostState.shown);
      return;
    }
    if (!this.flaggedSeen.has(v.fingerprint)) {
      this.flaggedSeen.add(v.fingerprint);
      this.counts.flagged++;
      this.counts.categories[v.category] = (this.counts.categories[v.category] || 0) + 1;
      this.onFlagged(v);
    }
    if (info.revealed && info.revealed === v.fingerprint) {
      this.presenter.present(el, info, PostState.revealed, v);
      return;
    }
    info.revealed = null;
    this.presenter.present(el, info, PostState.blurred, v);
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

  unmark(el) {
    this.presenter.unmark(el, this.info.get(el));
    this.info.delete(el);
  }
}
