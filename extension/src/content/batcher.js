// Having posts classified: the posts found in one scan or one batch of
// mutations are sent to the classifier together, each verdict is applied
// if it is still the post's latest, and a post left without a verdict for
// too long is veiled as unchecked. What the verdict shows, given what the
// reader chose, is reader.js's showVerdict; the presenter draws it.

import { PostState, PRESENTATION } from './post-state.js';
import { showVerdict } from './reader.js';

export class Batcher {
  /**
   * doc, names: the page and its random names. posts: the guard's WeakMap
   * of post records. presenter: presenter.js's Presenter. classify(texts)
   * resolves to one verdict or null per text (see classifier-port.js).
   * onFlagged(verdict) is called once per distinct flagged post. waitMs:
   * how long a post may wait for its verdict. observerMs(): time spent
   * finding posts so far, for the batch measures.
   */
  constructor({ doc, names, posts, presenter, classify, onFlagged, waitMs, observerMs = () => 0 }) {
    this.doc = doc;
    this.names = names;
    this.posts = posts;
    this.presenter = presenter;
    this.classify = classify;
    this.onFlagged = onFlagged;
    this.waitMs = waitMs;
    this.observerMs = observerMs;
    this.queue = new Set();
    this.seq = 0;
    this.waitTimer = null;
    this.counts = { flagged: 0, categories: {} };
    this.flaggedSeen = new Set(); // fingerprints counted on this page
    // Why the last batch got no verdicts ('' once one does): the popup
    // tells the reader, whose posts stay veiled as unchecked meanwhile.
    this.classifierError = '';
  }

  /** Whether any post was sent to the classifier yet. */
  get sentAny() { return this.seq > 0; }

  /** Queues a post for the next batch. */
  add(el) {
    this.queue.add(el);
  }

  /** Drops any verdict still on its way for a post (decided otherwise meanwhile). */
  cancel(post) {
    post.seq = ++this.seq;
  }

  /** Forgets what is queued and stops waiting for verdicts. */
  stop() {
    this.doc.defaultView.clearTimeout(this.waitTimer);
    this.waitTimer = null;
    this.queue.clear();
  }

  /**
   * Counts of distinct flagged posts seen on this page, and why the
   * classifier last failed here ('' when it answers).
   */
  pageCounts() {
    return { flagged: this.counts.flagged, categories: { ...this.counts.categories }, classifierError: this.classifierError };
  }

  /** Sends the queued posts' texts to the classifier in one batch. */
  flush() {
    if (this.queue.size === 0) return;
    const els = [...this.queue];
    this.queue.clear();
    const texts = [];
    const seqs = [];
    for (const el of els) {
      const post = this.posts.get(el);
      post.seq = ++this.seq;
      seqs.push(post.seq);
      texts.push(post.text);
    }
    this.armWaitTimer();
    const sent = this.mark('voile:batch-sent', els.length);
    let result;
    try {
      result = this.classify(texts);
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
          const post = this.posts.get(el);
          if (post && post.seq === seqs[i]) this.apply(el, post, verdicts[i]);
        });
        this.measure('voile:batch', sent, got, { posts: els.length, hostMs: verdicts.hostMs, observerMs: this.observerMs() });
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
        const post = this.posts.get(el);
        if (post?.state !== PostState.pending) continue;
        if (Date.now() - post.since >= this.waitMs) this.presenter.present(el, post, PostState.waiting);
        else left = true;
      }
      if (left) this.armWaitTimer();
    }, this.waitMs);
  }

  apply(el, post, v) {
    post.verdict = v;
    if (!showVerdict(this.presenter, el, post, v) || !v?.flagged) return;
    if (!this.flaggedSeen.has(v.fingerprint)) {
      this.flaggedSeen.add(v.fingerprint);
      this.counts.flagged++;
      this.counts.categories[v.category] = (this.counts.categories[v.category] || 0) + 1;
      this.onFlagged(v);
    }
  }
}
