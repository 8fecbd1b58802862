// The classifier host: the one voile.wasm instance of the browser, with the
// lists it trusts, answering the pages' classify requests and keeping the
// lists up to date from the sync server. It runs in a dedicated worker (of
// the offscreen document in Chromium, of the background page in Firefox)
// and speaks only through messages: operations in, events out, each
// named by its type (protocol.js HostOp, HostEvent).
//
// Every list it uses has been opened with the pinned key of its publisher
// by voile.loadBundle, whether it comes from storage at start or from the
// server; the background stores only bundles that the host has verified.
//
// A start-up cache (cache.js) spares a later start most of its work: the
// lists compiled, and which bundles were validated. voile checks it (this
// very build, these very bundles, an intact checksum) and compiles from the
// bundles whenever it does not fit; the host saves a new one, some time
// after start and after the lists change, when the one in use is not
// current.

import { compactVerdict } from '../common/verdicts.js';
import { bytesToBase64, base64ToBytes } from '../common/base64.js';
import { SyncClient } from './sync.js';
import { HostOp, HostEvent } from '../common/protocol.js';

export class Host {
  /**
   * load(): resolves to a voile instance. post(msg): sends an event to
   * the relay. WebSocket: the constructor sync uses (none: no sync).
   */
  constructor({ load, post, WebSocket = null, now = () => Date.now(), cache = null, cacheDelayMs = 3000 }) {
    this.load = load;
    this.cache = cache; // {get, put}: see cache.js
    this.cacheDelayMs = cacheDelayMs;
    this.cacheTimer = null;
    this.cacheStored = ''; // the key of the stored cache
    this.cacheSaved = ''; // the key of the lists when the stored cache was last found current
    this.cacheStatus = 'none'; // at start: none, restored, or why it was refused
    this.post = post;
    this.WebSocket = WebSocket;
    this.now = now;
    this.voile = null;
    this.ready = null;
    // A page may ask before init (its port opens as soon as the relay
    // listens): its requests wait for the start instead of failing.
    this.started = new Promise(resolve => { this.start = resolve; });
    this.started.catch(() => {}); // a failed start is reported by init
    // Verdicts wait for the lists the host is meant to have: those stored,
    // or on a first start (none stored) those of the first sync. Answered
    // from no lists, a page would show every post at once and blur the
    // hateful ones only when the lists came, seconds later.
    this.listsIn = new Promise(resolve => { this.haveLists = resolve; });
    // Hellos sent on the current connection that the server has not yet
    // answered: it answers each with one synced, in order, and only the
    // answer to the last one says that the followed lists are in (the
    // first hello asks for the catalog alone).
    this.unanswered = 0;
    this.opts = new Map(); // portId -> classify options
    this.keys = {}; // publisher -> pinned key text
    this.adapterKeys = {}; // publisher -> key text: the build's keys for adapter updates
    this.config = { server: '', follow: [], disabledLists: [] };
    this.catalog = [];
    this.pendingCatalog = null; // catalog messages received until one without "more"
    this.snapshotNeeded = new Set(); // "publisher/list" whose delta failed
    this.sync = null;
  }

  /** Handles one message from the relay; requests with reqId get a reply. */
  async handle(msg) {
    try {
      const result = await this.dispatch(msg);
      if (msg.reqId !== undefined) this.post({ type: HostEvent.reply, reqId: msg.reqId, result });
    } catch (err) {
      const message = String(err && err.message || err);
      if (msg.reqId !== undefined) this.post({ type: HostEvent.reply, reqId: msg.reqId, error: message });
      else if (msg.type === HostOp.classify) this.post({ type: HostEvent.error, portId: msg.portId, id: msg.id, message });
      else this.post({ type: HostEvent.problem, message: `${msg.type}: ${message}` });
    }
  }

  async dispatch(msg) {
    switch (msg.type) {
      case HostOp.init: return this.init(msg);
      case HostOp.ping: await this.ready; return { ok: true, lists: this.voile.lists() };
      case HostOp.opts: this.opts.set(msg.portId, msg.opts || {}); return undefined;
      case HostOp.close: this.opts.delete(msg.portId); return undefined;
      case HostOp.classify: return this.classify(msg);
      case HostOp.trust: return this.trust(msg.publisher, msg.key);
      case HostOp.configure:
        // Settings may change while the host starts: a change that arrives
        // before init is applied after it, one during init once it is done.
        if (!this.ready) { this.laterConfig = msg.config; return { ok: true }; }
        await this.ready;
        return this.configure(msg.config);
      case HostOp.unload: return this.unload(msg.ref);
      case HostOp.load: return this.loadStored(msg.bundle);
      case HostOp.syncNow: this.sync?.restart(this.config.server); return { ok: true };
      case HostOp.lists: await this.ready; return this.voile.lists();
      default: throw new Error(`unknown operation ${JSON.stringify(msg.type)}`);
    }
  }

  // ---- start ---------------------------------------------------------------

  /**
   * {keys: {publisher: key}, adapterKeys: {publisher: key}, bundles:
   * [base64], config}. Bundles that no longer verify are reported and left
   * out; the others load.
   */
  init({ keys = {}, adapterKeys = {}, bundles = [], config = {} }) {
    this.adapterKeys = adapterKeys;
    this.ready = (async () => {
      const stored = this.readCache(); // while the wasm loads
      const voile = await this.load();
      for (const [publisher, key] of Object.entries(keys)) {
        try {
          voile.trust(publisher, key);
          this.keys[publisher] = key;
        } catch (err) {
          this.post({ type: HostEvent.problem, message: `trusted key of ${publisher}: ${err.message}` });
        }
      }
      // Before the bundles: it says which of them were validated already.
      const entry = await stored;
      if (entry) {
        try {
          voile.restoreCache(entry.bytes);
          this.cacheStatus = 'restored';
          this.cacheStored = entry.key;
        } catch (err) {
          this.cacheStatus = err.message;
        }
      }
      const refused = [];
      for (const b64 of bundles) {
        try {
          voile.loadBundle(base64ToBytes(b64));
        } catch (err) {
          refused.push(err.message);
        }
      }
      this.voile = voile;
      this.configure(config);
      if (this.laterConfig) this.configure(this.laterConfig);
      this.laterConfig = null;
      // Nothing to wait for: lists from storage (updates recheck the
      // pages), or no server to bring any.
      if (voile.lists().length > 0 || !this.sync) this.haveLists();
      this.prepare();
      this.saveCacheLater();
      return { lists: voile.lists(), refused };
    })();
    this.start(this.ready);
    return this.ready;
  }

  /**
   * Builds the classifier of the loaded lists now, with one verdict thrown
   * away: from the start-up cache when it fits, else compiled. In
   * WebAssembly the first verdict also runs the classifier's code for the
   * first time, and the two are most of what it costs (tens of
   * milliseconds from the cache, a second compiling). Done as soon as the
   * lists are in, while the pages load, that is off the first page's way.
   */
  prepare() {
    if (!this.voile || this.voile.lists().length === 0) return;
    try {
      this.voile.classify(['voile']);
    } catch {
      // A page's request meets the same error and reports it.
    }
  }

  // ---- start-up cache ----------------------------------------------------------

  async readCache() {
    if (!this.cache) return null;
    try {
      // A stuck database must not hold the start up.
      return await Promise.race([this.cache.get(), new Promise(r => setTimeout(() => r(null), 1000))]);
    } catch {
      return null;
    }
  }

  /** Saves the cache once things settle: not in the way of the first verdicts. */
  saveCacheLater() {
    if (!this.cache || this.cacheTimer) return;
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      this.saveCache().catch(() => {}); // the next start compiles: no harm
    }, this.cacheDelayMs);
  }

  async saveCache() {
    const voile = this.voile;
    if (!this.cache || !voile?.build) return;
    if (voile.cacheInfo().key === this.cacheSaved) return;
    // Compiles the lists if no verdict did yet, from the restored cache if
    // it fits. If the lists in use came from it and it is the stored one,
    // the stored cache is current: nothing to write.
    const bytes = voile.exportCache();
    const { key, used } = voile.cacheInfo();
    if (!used || key !== this.cacheStored) {
      await this.cache.put({ key, bytes });
      this.cacheStored = key;
    }
    this.cacheSaved = key;
  }

  configure(config) {
    const before = this.config;
    this.config = {
      server: typeof config.server === 'string' ? config.server : before.server,
      follow: Array.isArray(config.follow) ? config.follow : before.follow,
      disabledLists: Array.isArray(config.disabledLists) ? config.disabledLists : before.disabledLists,
    };
    // A list the reader turned off stops being used at once.
    let unloaded = false;
    for (const l of this.voile ? this.voile.lists() : []) {
      const ref = `${l.publisher}/${l.id}`;
      if (this.config.disabledLists.includes(ref) && this.voile.unloadList(ref)) unloaded = true;
    }
    if (unloaded) {
      this.post({ type: HostEvent.recheck });
      this.saveCacheLater();
    }
    if (!this.WebSocket || !this.config.server) return { ok: true };
    if (!this.sync) {
      this.sync = new SyncClient({
        url: this.config.server,
        WebSocket: this.WebSocket,
        hello: () => this.hello(),
        onMessage: bytes => this.onServerMessage(bytes),
        onStatus: s => this.syncStatus(s),
      });
      this.sync.start();
    } else if (this.config.server !== before.server) {
      this.sync.restart(this.config.server);
    } else {
      this.sync.resend();
    }
    return { ok: true };
  }

  // ---- classifying -----------------------------------------------------------

  async classify({ portId, id, texts }) {
    await (this.ready ?? this.started);
    await this.listsIn;
    if (!Array.isArray(texts)) throw new Error('classify: texts must be an array');
    const t0 = performance.now();
    const verdicts = this.voile.classify(texts.map(String), this.opts.get(portId) || {});
    const compact = verdicts.map(compactVerdict);
    // The time spent here travels back for the page's performance marks.
    this.post({ type: HostEvent.verdicts, portId, id, verdicts: compact, ms: performance.now() - t0 });
    return undefined;
  }

  // ---- lists and keys --------------------------------------------------------

  async trust(publisher, key) {
    await this.ready;
    // voile refuses another key for a pinned publisher: the one owner of
    // that rule, for the keys of the build and the reader's alike.
    this.voile.trust(publisher, key);
    this.keys[publisher] = key;
    this.sync?.resend();
    return { ok: true };
  }

  async unload(ref) {
    await this.ready;
    const done = this.voile.unloadList(ref);
    if (done) {
      this.post({ type: HostEvent.recheck });
      this.saveCacheLater();
    }
    return { ok: done };
  }

  async loadStored(b64) {
    await this.ready;
    const info = this.voile.loadBundle(base64ToBytes(b64));
    this.post({ type: HostEvent.recheck });
    this.saveCacheLater();
    return info;
  }

  // ---- sync ------------------------------------------------------------------

  /** The lists to follow: those of the catalog whose publisher is pinned with the key the catalog shows. */
  following() {
    const wanted = this.config.follow;
    const refs = [];
    for (const e of this.catalog) {
      const ref = `${e.publisher}/${e.list}`;
      if (!this.keys[e.publisher] || this.keys[e.publisher] !== e.public_key) continue;
      if (this.config.disabledLists.includes(ref)) continue;
      if (wanted.length && !wanted.includes(ref)) continue;
      refs.push(ref);
    }
    return refs;
  }

  hello() {
    this.unanswered++;
    const held = {};
    for (const l of this.voile.lists()) {
      const ref = `${l.publisher}/${l.id}`;
      if (!this.snapshotNeeded.has(ref)) held[ref] = l.version;
    }
    // Before the first catalog, following nothing asks for the catalog alone.
    return this.voile.encodeHello(held, this.catalog.length ? this.following() : []);
  }

  syncStatus(s) {
    if (s.state === 'connected') this.unanswered = 0; // a new connection: its hello comes next
    // No lists will come soon: pages are answered with those loaded.
    if (s.state === 'offline' || s.state === 'error') this.haveLists();
    this.post({ type: HostEvent.syncStatus, ...s, at: this.now() });
  }

  onServerMessage(bytes) {
    let m;
    try {
      m = this.voile.decodeMessage(bytes);
    } catch (err) {
      this.post({ type: HostEvent.syncStatus, state: 'error', message: `undecodable message: ${err.message}`, at: this.now() });
      return;
    }
    switch (m.type) {
      case 'catalog': {
        // The server sends the catalog one publisher at a time: each
        // message replaces that publisher's lists, and the whole is used
        // once a message comes without "more".
        // Entries have the wire's field names (public_key...): stored and
        // read under them everywhere.
        const entries = Array.isArray(m.lists) ? m.lists : [];
        const base = this.pendingCatalog ?? this.catalog;
        this.pendingCatalog = m.publisher ? [...base.filter(e => e.publisher !== String(m.publisher)), ...entries] : entries;
        if (m.more) break;
        const before = JSON.stringify(this.catalog.length ? this.following() : null);
        this.catalog = this.pendingCatalog;
        this.pendingCatalog = null;
        // The catalog's key for each pinned publisher it shows with
        // another: the host, which holds the pinned keys, is the one to
        // tell (the options page shows it; following() leaves its lists).
        const keyChanged = {};
        for (const e of this.catalog) {
          const pinned = this.keys[e.publisher];
          if (pinned && pinned !== e.public_key) keyChanged[e.publisher] = e.public_key;
        }
        this.post({ type: HostEvent.catalog, lists: this.catalog, keyChanged });
        if (JSON.stringify(this.following()) !== before) this.sync.resend();
        break;
      }
      case 'snapshot':
      case 'delta':
        this.receiveBundle(m);
        break;
      case 'synced':
        // The answer to an earlier hello: the lists of a later one are
        // still on their way, and are not "synced" yet.
        if (--this.unanswered > 0) break;
        this.unanswered = 0;
        this.haveLists();
        this.prepare();
        this.post({ type: HostEvent.syncStatus, state: 'synced', message: '', at: this.now() });
        break;
      case 'adapters':
        this.receiveAdapters(m);
        break;
      case 'error':
        this.post({ type: HostEvent.syncStatus, state: 'error', message: `${m.code}: ${m.message}`, at: this.now() });
        break;
      default:
        break; // later protocol versions may add messages
    }
  }

  // A signed adapter fix (server/PROTOCOL.md, "adapters"), verified here
  // with an adapter key of the build (never a list publisher's); the
  // background checks what it changes before pages use it.
  receiveAdapters(m) {
    const publisher = String(m.publisher);
    const key = Object.hasOwn(this.adapterKeys, publisher) ? this.adapterKeys[publisher] : undefined;
    if (!key) {
      this.post({ type: HostEvent.problem, message: `adapter update: ${JSON.stringify(publisher)} holds no adapter key of this build` });
      return;
    }
    try {
      this.voile.verifyAdapters(m.document, m.sig, key);
    } catch (err) {
      this.post({ type: HostEvent.problem, message: `adapter update of publisher ${publisher}: ${err.message}` });
      return;
    }
    this.post({ type: HostEvent.adapters, verified: { publisher, document: bytesToBase64(m.document) } });
  }

  receiveBundle(m) {
    const ref = `${m.publisher}/${m.list}`;
    if (this.config.disabledLists.includes(ref)) return;
    if (!m.bundle) {
      // A delta that does not apply: ask again for the whole list.
      this.snapshotNeeded.add(ref);
      this.post({ type: HostEvent.listRefused, ref, version: m.version, message: m.error || 'delta did not apply' });
      this.sync.resend();
      return;
    }
    let info;
    try {
      info = this.voile.loadBundle(m.bundle);
    } catch (err) {
      // The previous version stays in use. Lists of publishers the reader
      // has not trusted are expected here (with nothing trusted, the hello
      // can only follow every list: an empty follow means all of them), and
      // the options page already shows them as such.
      if (!this.keys[m.publisher]) return;
      this.post({ type: HostEvent.listRefused, ref, version: m.version, message: err.message });
      if (m.type === 'delta') {
        this.snapshotNeeded.add(ref);
        this.sync.resend();
      }
      return;
    }
    this.snapshotNeeded.delete(ref);
    this.post({ type: HostEvent.storeBundle, ref, version: info.version, info, bundle: bytesToBase64(m.bundle) });
    this.post({ type: HostEvent.recheck });
    this.saveCacheLater();
  }
}
