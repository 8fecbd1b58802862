// Finding posts as the page builds them, following the adapter in use:
// which elements are posts, their text, and when either changes. While
// the page is parsed, unmarked containers are looked for once per frame
// (and at DOMContentLoaded), and only the containers found are observed;
// from DOMContentLoaded on a MutationObserver watches the whole document,
// and its callback runs before the next paint. What to do with a post is
// not decided here: each post found, or whose words changed, is handed to
// the owner's callbacks (see PostFinder), which guard.js wires to the
// batcher and the presenter.

import { containersIn, containerOf, postTypeOf, postText, isExcluded } from './posts.js';
import { newPost } from './post-state.js';

export class PostFinder {
  /**
   * doc, names: the page and its random names. compiled: the adapter
   * (compileAdapter). posts: the guard's WeakMap of post records, to which
   * posts found are added. on: what the finder tells its owner:
   *  - found(el, post): a post to judge, its text read (new, or its words
   *    changed);
   *  - wordless(el, post): a post the parser has added without its words
   *    yet (while the page loads): to keep hidden, nothing to judge;
   *  - excluded(el, post): a post left alone whatever its text (the
   *    reader's editor, navigation);
   *  - scanned(): the end of a scan or of a batch of mutations: what was
   *    found may be sent.
   */
  constructor({ doc, names, compiled, posts, on }) {
    this.doc = doc;
    this.names = names;
    this.compiled = compiled;
    this.posts = posts;
    this.on = on;
    this.running = false;
    this.loading = false;
    this.emptyWhileLoading = null; // containers found without words while the page loads
    this.observer = null;
    this.loadingObserver = null;
    this.rafId = 0;
    this.onLoaded = null;
    this.neverCache = undefined;
    this.busy = 0; // ms spent in the observer callback, for measurements
  }

  /** Uses another adapter from the next scan on. */
  setAdapter(compiled) {
    this.compiled = compiled;
  }

  /** Starts finding posts: what is already there, and what comes. */
  start() {
    this.running = true;
    if (this.doc.readyState === 'loading') this.startLoading();
    else this.startObserving();
  }

  /** Stops watching the page. */
  stop() {
    this.running = false;
    this.loading = false;
    this.observer?.disconnect();
    this.observer = null;
    this.loadingObserver?.disconnect();
    this.loadingObserver = null;
    if (this.onLoaded) this.doc.removeEventListener('DOMContentLoaded', this.onLoaded);
    this.onLoaded = null;
  }

  /** Looks through the whole page again (after the adapter changed), once it is observed. */
  rescan() {
    if (this.observer && this.doc.documentElement) this.scan(this.doc.documentElement);
    this.on.scanned();
  }

  /** Reads a post's text again, to judge it again as it is. */
  readText(el, post) {
    post.text = postText(el, post.type, this.compiled);
  }

  // While the parser builds the page, every node it inserts would be a
  // mutation record: tens of thousands for a long feed. The stylesheet
  // already hides every post container not yet marked, so instead of
  // observing the document, the finder looks for unmarked containers once
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
        const post = this.posts.get(el);
        if (post && post.text.length === 0) this.reread(el, true);
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
    this.on.scanned();
  }

  startObserving() {
    const win = this.doc.defaultView;
    this.observer = new win.MutationObserver(records => this.onMutations(records));
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
    if (this.doc.documentElement) this.scan(this.doc.documentElement);
    this.on.scanned();
  }

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
    this.on.scanned();
  }

  reread(c, force = false) {
    const post = this.posts.get(c);
    if (!post || post.excluded || !c.isConnected) return;
    const text = postText(c, post.type, this.compiled);
    if (text === post.text && !force) return;
    post.text = text;
    this.read(c, post);
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
    if (this.posts.has(el) && el.hasAttribute(this.names.state)) return;
    const type = postTypeOf(el, this.compiled);
    if (!type) return;
    const post = newPost(type);
    this.posts.set(el, post);
    if (isExcluded(el, type, this.compiled, this.neverPresent())) {
      post.excluded = true;
      this.on.excluded(el, post);
      return;
    }
    post.text = postText(el, type, this.compiled);
    this.read(el, post);
  }

  // A post's text was read: judged, unless the parser has not added its
  // words yet.
  read(el, post) {
    if (this.loading && post.text.length === 0) {
      // The parser added the container but not yet its words: wait for
      // them (or for DOMContentLoaded) rather than show an empty box that
      // would be hidden again.
      this.emptyWhileLoading.add(el);
      this.on.wordless(el, post);
      return;
    }
    this.emptyWhileLoading?.delete(el);
    this.on.found(el, post);
  }
}
