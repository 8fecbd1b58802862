// The page's line to the classifier: one runtime port per page to the
// extension's classifier host (the offscreen document in Chromium, the
// background page in Firefox). Texts go over it and verdicts come back;
// the port carries nothing else from the page.
//
// The host may not be running (browser just started, Firefox suspended its
// background page): the port then closes at once, the page asks the
// background to wake the host, and sends its unanswered requests again.

import { PORT_NAME, PortMessage, Request, Target } from '../common/protocol.js';

export { PORT_NAME };

const MAX_ATTEMPTS = 6;
// Firefox suspends an idle background page after 30 s, and with it the
// classifier host and the sync connection: rule updates would no longer
// reach an open page. A message over the port now and then keeps the host
// running while a page that it guards is open.
export const KEEPALIVE_MS = 20000;

export class ClassifierPort {
  /**
   * runtime: chrome.runtime (connect, sendMessage). opts: the classify
   * options of this page. onRecheck: called when the host's lists change.
   */
  constructor({ runtime, opts, onRecheck = () => {}, setTimeout: st = setTimeout }) {
    this.runtime = runtime;
    this.opts = opts;
    this.onRecheck = onRecheck;
    this.setTimeout = (f, ms) => st(f, ms); // a bare call: timers throw when called as a method
    this.port = null;
    this.nextId = 1;
    this.pending = new Map(); // id -> {texts, resolve, reject}
    this.attempts = 0;
    this.waking = null;
  }

  /** Classifies texts; resolves to one compact verdict (or null) per text. */
  classify(texts) {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { texts, resolve, reject });
      this.send({ type: PortMessage.classify, id, texts });
    });
  }

  /** Changes the options for the next requests (settings, corrections). */
  setOpts(opts) {
    this.opts = opts;
    if (this.port) this.post({ type: PortMessage.opts, opts });
  }

  send(msg) {
    if (!this.port) this.connect();
    if (this.port) this.post(msg);
  }

  post(msg) {
    try {
      this.port.postMessage(msg);
    } catch {
      this.dropped(); // the port closed under us
    }
  }

  connect() {
    if (this.waking) return;
    let port;
    try {
      port = this.runtime.connect({ name: PORT_NAME });
    } catch (err) {
      // The extension was reloaded or removed: this page's script is orphaned.
      this.failAll(new Error(`classifier port: cannot connect: ${err.message}`));
      return;
    }
    this.port = port;
    port.onMessage.addListener(msg => this.received(msg));
    port.onDisconnect.addListener(() => {
      void this.runtime.lastError; // read, so the browser does not log it
      if (this.port === port) this.dropped();
    });
    port.postMessage({ type: PortMessage.opts, opts: this.opts });
    // A timer of its own (not the injected one), that does not keep node
    // alive in tests.
    const beat = () => {
      if (this.port !== port) return;
      this.post({ type: PortMessage.alive });
      setTimeout(beat, KEEPALIVE_MS)?.unref?.();
    };
    setTimeout(beat, KEEPALIVE_MS)?.unref?.();
  }

  received(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === PortMessage.ready) {
      this.attempts = 0;
    } else if (msg.type === PortMessage.verdicts || msg.type === PortMessage.error) {
      const req = this.pending.get(msg.id);
      if (!req) return;
      this.pending.delete(msg.id);
      this.attempts = 0;
      if (msg.type === PortMessage.verdicts) {
        if (Array.isArray(msg.verdicts) && typeof msg.ms === 'number') msg.verdicts.hostMs = msg.ms;
        req.resolve(msg.verdicts);
      }
      else req.reject(new Error(msg.message || 'classifier error'));
    } else if (msg.type === PortMessage.recheck) {
      this.onRecheck();
    }
  }

  // The host went away or was never there: wake it, then resend.
  dropped() {
    this.port = null;
    if (this.pending.size === 0) return;
    if (++this.attempts > MAX_ATTEMPTS) {
      this.failAll(new Error(`classifier host unreachable after ${MAX_ATTEMPTS} attempts`));
      this.attempts = 0;
      return;
    }
    const delay = Math.min(2000, 50 * 2 ** (this.attempts - 1));
    this.waking = new Promise(resolve => {
      let done = false;
      const finish = () => { if (!done) { done = true; resolve(); } };
      try {
        this.runtime.sendMessage({ target: Target.background, type: Request.wake }, () => { void this.runtime.lastError; finish(); });
      } catch {
        finish();
      }
      this.setTimeout(finish, delay + 2000);
    }).then(() => new Promise(r => this.setTimeout(r, this.attempts > 1 ? delay : 0))).then(() => {
      this.waking = null;
      if (this.pending.size === 0) return;
      this.connect();
      for (const [id, req] of this.pending) this.post({ type: PortMessage.classify, id, texts: req.texts });
    });
  }

  failAll(err) {
    for (const req of this.pending.values()) req.reject(err);
    this.pending.clear();
  }

  disconnect() {
    const port = this.port;
    this.port = null;
    try { port?.disconnect(); } catch { /* already closed */ }
  }
}
