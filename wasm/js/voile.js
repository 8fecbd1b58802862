// Voile's classifier for the browser: the JavaScript API over voile.wasm.
//
//   import { loadVoile } from './voile.js'; // after wasm_exec.js, which defines globalThis.Go
//   const voile = await loadVoile(new URL('voile.wasm', import.meta.url));
//   voile.trust('voile-demo', 'voile-pub-…');
//   voile.loadBundle(bundleBytes);
//   const verdicts = voile.classify(posts, { sensitivity: 0.5 });
//
// Everything runs in the page: posts go into the wasm instance and
// verdicts come back, nothing is sent anywhere. A batch crosses into Go as
// one buffer and comes back as one buffer (formats in
// wasm/internal/engine/batch.go), because each crossing of the JavaScript
// and Go boundary costs more than classifying a post.

// The categories are the wasm's own (Go's rules.Categories, exported as
// raw.categories): verdicts name them by their index in that list, so
// reading it from the instance keeps the names and the indexes of one
// build together. The response format gives a category one bit of a byte.
const MAX_CATEGORIES = 8;
const NO_CATEGORY = 255;
// Reason kinds in the order of Go's verdict.ReasonKinds. Contexts, like
// categories, are the wasm's own (frames.Contexts, raw.contexts): verdicts
// name them by 1 + their index, 0 for none.
const REASON_KINDS = ['rule', 'frame', 'model'];
const utf8 = new TextDecoder();

let instances = 0;

/**
 * Loads voile.wasm and returns a Voile instance once its Go program runs.
 * @param {string|URL|Response|ArrayBuffer|Uint8Array|WebAssembly.Module} source the .wasm, or the module compileVoile made
 * @returns {Promise<Voile>}
 */
export async function loadVoile(source) {
  if (typeof globalThis.Go !== 'function') {
    throw new Error('loadVoile: globalThis.Go is missing: load wasm_exec.js before voile.js');
  }
  const module = source instanceof WebAssembly.Module ? source : await compileVoile(source);
  const go = new globalThis.Go();
  const hook = `__voileReady${++instances}_${Math.random().toString(36).slice(2)}`;
  const ready = new Promise((resolve) => { globalThis[hook] = resolve; });
  try {
    const instance = await WebAssembly.instantiate(module, go.importObject);
    // The build id keys the start-up cache: only this very build may use
    // the automaton it compiled.
    const build = buildId(module);
    go.argv = ['voile.wasm', hook, build];
    const exited = go.run(instance).then(() => {
      throw new Error('loadVoile: the wasm program exited before it was ready');
    });
    const raw = await Promise.race([ready, exited]);
    return new Voile(raw, instance, build);
  } finally {
    delete globalThis[hook];
  }
}

/**
 * Compiles voile.wasm for loadVoile. A WebAssembly.Module can be posted to
 * a worker: the extension compiles it while its worker starts, which
 * takes about as long.
 * @param {string|URL|Response|ArrayBuffer|Uint8Array} source the .wasm
 * @returns {Promise<WebAssembly.Module>}
 */
export async function compileVoile(source) {
  if (typeof source === 'string' || source instanceof URL) {
    source = await fetch(source);
  }
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (!source.ok) {
      throw new Error(`compileVoile: fetching ${source.url || 'voile.wasm'} failed: HTTP ${source.status}`);
    }
    // Streaming compiles while the bytes arrive, but needs the wasm MIME
    // type; compiled so from the extension's own URL, Chromium may cache
    // the code.
    if (WebAssembly.compileStreaming && (source.headers.get('content-type') || '').startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(source);
    }
    source = await source.arrayBuffer();
  }
  if (!(source instanceof ArrayBuffer || ArrayBuffer.isView(source))) {
    throw new TypeError(`compileVoile: source must be a URL, a Response, an ArrayBuffer or a Uint8Array, got ${describe(source)}`);
  }
  return WebAssembly.compile(source);
}

// buildId returns the Go build id of a voile.wasm module ('' if none):
// it changes with any change to the program.
function buildId(module) {
  const sections = WebAssembly.Module.customSections(module, 'go:buildid');
  return sections.length ? new TextDecoder().decode(sections[0]) : '';
}

/** One running voile.wasm. Not for use from several workers at once. */
export class Voile {
  #raw;
  #memory;
  #req = new Uint8Array(64 << 10);
  #view = new DataView(this.#req.buffer);
  #encoder = new TextEncoder();

  #build;
  #categories;
  #contexts;

  constructor(raw, instance, build = '') {
    const cats = Array.from(raw.categories || []);
    if (cats.length === 0 || cats.length > MAX_CATEGORIES || !cats.every(c => typeof c === 'string' && c)) {
      throw new Error(`loadVoile: voile.wasm has categories [${cats}], want 1 to ${MAX_CATEGORIES} names: rebuild both with make wasm`);
    }
    this.#categories = Object.freeze(cats);
    const kinds = Array.from(raw.reasonKinds || []);
    if (kinds.join() !== REASON_KINDS.join()) {
      throw new Error(`loadVoile: voile.wasm has reason kinds [${kinds}], voile.js expects [${REASON_KINDS}]: rebuild both with make wasm`);
    }
    const contexts = Array.from(raw.contexts || []);
    if (contexts.length === 0 || contexts.length > 254 || !contexts.every(c => typeof c === 'string' && c)) {
      throw new Error(`loadVoile: voile.wasm has contexts [${contexts}], want 1 to 254 names: rebuild both with make wasm`);
    }
    this.#contexts = Object.freeze(['', ...contexts]);
    this.#raw = raw;
    this.#memory = instance?.exports?.mem;
    this.#build = build;
  }

  #call(name, ...args) {
    const r = this.#raw[name](...args);
    if (r instanceof Error) {
      // A new Error, so that its stack shows the caller, not wasm_exec.js.
      throw new Error(r.message);
    }
    return r;
  }

  /**
   * Bytes of linear memory the wasm instance holds. It grows with the
   * loaded lists and never shrinks, as WebAssembly memory cannot.
   */
  get memoryBytes() {
    return this.#memory?.buffer.byteLength ?? 0;
  }

  /** The Go build id of the running voile.wasm; '' if unknown (then no cache). */
  get build() {
    return this.#build;
  }

  /**
   * Start-up cache. Opening stored lists validates them and compiling them
   * builds the automaton: most of the time to the first verdict. A cache
   * (exportCache) holds the compiled lists and which bundles were
   * validated; restoreCache, called before the stored bundles are loaded,
   * makes a later start of the same build skip that work for the same
   * bundles. Signatures are checked as always. A damaged cache, or one of
   * another build, is refused (restoreCache throws with the reason); one
   * for other bundles is accepted and not used: either way the classifier
   * compiles from the bundles as if there were none.
   */
  restoreCache(bytes) {
    this.#call('restoreCache', bytes);
  }

  /** Compiles the loaded lists if need be and returns their cache (Uint8Array). */
  exportCache() {
    return this.#call('exportCache');
  }

  /**
   * {key, used}: key names this build and the loaded bundles in order (a
   * cache made now is for that key); used tells whether the lists in use
   * came from the restored cache, which is then up to date.
   */
  cacheInfo() {
    return this.#call('cacheInfo');
  }

  /** The categories a rule may have, in a stable order. */
  get categories() {
    return this.#categories.slice();
  }

  /**
   * Checks the signature of an adapter document (bytes) with a publisher's
   * key (text form "voile-pub-…"). Throws when it does not verify.
   * @param {Uint8Array} document
   * @param {Uint8Array} sig
   * @param {string} publicKeyText
   */
  verifyAdapters(document, sig, publicKeyText) {
    this.#call('verifyAdapters', document, sig, publicKeyText);
  }

  /**
   * Trusts a publisher's key (text form "voile-pub-…") for the bundles it
   * signs. Throws on a malformed key.
   */
  trust(publisherId, publicKeyText) {
    this.#call('trust', publisherId, publicKeyText);
  }

  /**
   * Verifies, validates and loads a signed list bundle, replacing an older
   * version of the same list. Throws with the reason on any problem, and
   * then the lists loaded before stay in use.
   * @returns {{id: string, publisher: string, version: number, rules: number}}
   */
  loadBundle(bytes) {
    return this.#call('loadBundle', bytes);
  }

  /** Unloads a list by id (or "publisher/id"); returns whether it was loaded. */
  unloadList(id) {
    return this.#call('unloadList', id);
  }

  /** @returns {{id, publisher, version, name, langs, demo, rules}[]} the loaded lists */
  lists() {
    return this.#call('lists');
  }

  /**
   * Classifies a batch of posts.
   * @param {string[]} texts
   * @param {{sensitivity?: number, categories?: string[], allow?: {rules?: string[], posts?: string[]}}} [opts]
   * @returns {Verdict[]} one per text, in order. A verdict is
   *   {flagged, score, category ('' if none), scores: {category: score},
   *    fingerprint (16 hex digits), allowed, reasons: [{kind ('rule',
   *    'frame' or 'model'), list, publisher, version, rule, category,
   *    weight, start, end, class, target, targetStart, targetEnd, context,
   *    features}]}, with start and end (the rule's match, or the frame's
   *    predicate) and targetStart and targetEnd (a frame's target) in
   *    UTF-16 code units of the text, as String.prototype.slice takes
   *    them. A reason with a context ('negation', 'counter', 'quote',
   *    'report') did not count.
   */
  classify(texts, opts = {}) {
    if (!Array.isArray(texts)) {
      throw new TypeError(`voile: classify: texts must be an array of strings, got ${describe(texts)}`);
    }
    if (opts === null || typeof opts !== 'object') {
      throw new TypeError(`voile: classify: opts must be an object, got ${describe(opts)}`);
    }
    const res = this.#call('classify', this.#encodeRequest(texts, opts));
    return decodeVerdicts(res, this.#categories, this.#contexts);
  }

  /**
   * Encodes the hello of the sync protocol (server/PROTOCOL.md).
   * @param {Object<string, number>} held versions held, by list id or "publisher/id"
   * @param {string[]|null} follow list ids (or "publisher/id") to follow;
   *   null for every list of the last catalog decoded; [] (or null before
   *   the first catalog) for none: the server then sends its catalog alone
   * @returns {Uint8Array}
   */
  encodeHello(held = {}, follow = null) {
    return this.#call('encodeHello', held, follow);
  }

  /**
   * Decodes a message from the sync server into a plain object whose type
   * says which: {type: 'catalog', lists}, {type: 'snapshot', publisher,
   * list, version, live, bundle}, {type: 'delta', publisher, list, from,
   * version, live, bundle, error?}, {type: 'synced', lists}, {type:
   * 'error', code, message}, {type: 'adapters', publisher, document, sig}.
   * Bundles are Uint8Arrays for loadBundle; an adapter document and its
   * signature are Uint8Arrays, passed on unverified (the caller checks the
   * signature with the publisher's pinned key); a
   * delta's bundle is rebuilt from the loaded version it starts from, or
   * null with the reason in error.
   */
  decodeMessage(bytes) {
    return this.#call('decodeMessage', bytes);
  }

  // #encodeRequest writes the batch in the request format of
  // wasm/internal/engine/batch.go into a buffer reused between calls.
  #encodeRequest(texts, opts) {
    const sensitivity = opts.sensitivity ?? 0.5;
    if (typeof sensitivity !== 'number') {
      throw new TypeError(`voile: classify: opts.sensitivity must be a number in [0, 1], got ${describe(sensitivity)}`);
    }
    const categories = stringList('opts.categories', opts.categories);
    const allow = opts.allow ?? {};
    if (typeof allow !== 'object') {
      throw new TypeError(`voile: classify: opts.allow must be an object, got ${describe(allow)}`);
    }
    const rules = stringList('opts.allow.rules', allow.rules) ?? [];
    const posts = stringList('opts.allow.posts', allow.posts) ?? [];

    let at = 0;
    // Room for the texts at 3 bytes per UTF-16 unit, the most UTF-8 needs.
    let need = 32;
    for (const list of [categories ?? [], rules, posts]) {
      for (const s of list) need += 2 + 3 * s.length;
    }
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i];
      if (typeof t !== 'string') {
        throw new TypeError(`voile: classify: texts[${i}] must be a string, got ${describe(t)}`);
      }
      need += 4 + 3 * t.length;
    }
    this.#reserve(need);
    const view = this.#view;
    view.setFloat64(at, sensitivity, true); at += 8;
    view.setUint8(at, categories ? 1 : 0); at += 1;
    at = this.#putStrings(at, categories ?? [], 2);
    at = this.#putStrings(at, rules, 4);
    at = this.#putStrings(at, posts, 4);
    view.setUint32(at, texts.length, true); at += 4;
    const req = this.#req;
    const enc = this.#encoder;
    for (let i = 0; i < texts.length; i++) {
      const { written } = enc.encodeInto(texts[i], req.subarray(at + 4));
      view.setUint32(at, written, true);
      at += 4 + written;
    }
    return req.subarray(0, at);
  }

  // #putStrings writes a count (countBytes wide) and then str16 strings.
  #putStrings(at, list, countBytes) {
    const view = this.#view;
    if (countBytes === 2) view.setUint16(at, list.length, true); else view.setUint32(at, list.length, true);
    at += countBytes;
    for (const s of list) {
      const { written } = this.#encoder.encodeInto(s, this.#req.subarray(at + 2, at + 2 + 0xffff));
      view.setUint16(at, written, true);
      at += 2 + written;
    }
    return at;
  }

  #reserve(n) {
    if (this.#req.length >= n) return;
    let size = this.#req.length;
    while (size < n) size *= 2;
    this.#req = new Uint8Array(size);
    this.#view = new DataView(this.#req.buffer);
  }
}

function stringList(name, v) {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) {
    throw new TypeError(`voile: classify: ${name} must be an array of strings, got ${describe(v)}`);
  }
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string') {
      throw new TypeError(`voile: classify: ${name}[${i}] must be a string, got ${describe(v[i])}`);
    }
  }
  return v;
}

function scoresOf(categories, s) {
  const scores = {};
  for (let c = 0; c < categories.length; c++) scores[categories[c]] = s[c];
  return scores;
}

// decodeVerdicts reads the response format of
// wasm/internal/engine/batch.go.
function decodeVerdicts(res, categories, contexts) {
  const view = new DataView(res.buffer, res.byteOffset, res.byteLength);
  let at = 0;
  const str8 = () => {
    const n = res[at++];
    const s = String.fromCharCode.apply(null, res.subarray(at, at + n)); // ids are ASCII
    at += n;
    return s;
  };
  const utf8str8 = () => {
    const n = res[at++];
    const s = utf8.decode(res.subarray(at, at + n));
    at += n;
    return s;
  };
  const n = view.getUint32(at, true); at += 4;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const flags = res[at], cat = res[at + 1], mask = res[at + 2];
    at += 3;
    const s = new Array(categories.length).fill(0);
    for (let c = 0; c < categories.length; c++) {
      if (mask & (1 << c)) {
        s[c] = view.getFloat64(at, true); at += 8;
      }
    }
    const lo = view.getUint32(at, true), hi = view.getUint32(at + 4, true);
    at += 8;
    const nreasons = view.getUint16(at, true); at += 2;
    const reasons = new Array(nreasons);
    for (let r = 0; r < nreasons; r++) {
      const list = str8();
      const publisher = str8();
      const version = view.getFloat64(at, true); at += 8;
      const rule = str8();
      const category = categories[res[at]] ?? ''; at += 1;
      const weight = view.getFloat64(at, true); at += 8;
      const start = view.getUint32(at, true), end = view.getUint32(at + 4, true);
      at += 8;
      const kind = REASON_KINDS[res[at]] ?? ''; at += 1;
      const context = contexts[res[at]] ?? ''; at += 1;
      const cls = str8();
      const target = str8();
      const targetStart = view.getUint32(at, true), targetEnd = view.getUint32(at + 4, true);
      at += 8;
      const features = new Array(res[at++]);
      for (let f = 0; f < features.length; f++) features[f] = utf8str8();
      reasons[r] = {
        kind, list, publisher, version, rule, category, weight, start, end,
        class: cls, target, targetStart, targetEnd, context, features,
      };
    }
    out[i] = {
      flagged: (flags & 1) !== 0,
      score: cat === NO_CATEGORY ? 0 : s[cat],
      category: cat === NO_CATEGORY ? '' : categories[cat],
      scores: scoresOf(categories, s),
      fingerprint: hex8(hi) + hex8(lo),
      allowed: (flags & 2) !== 0,
      reasons,
    };
  }
  return out;
}

// hex8 writes a 32-bit number as 8 hexadecimal digits, a byte at a time
// from a table: toString(16).padStart(8, '0') took 3% of the time of a
// batch of posts (bench/peers), and this a third of that.
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n) {
  return HEX2[n >>> 24] + HEX2[(n >>> 16) & 255] + HEX2[(n >>> 8) & 255] + HEX2[n & 255];
}

// describe names a value's type for an error message, never its content:
// it may be a post.
function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') {
    const name = v.constructor?.name ?? 'Object';
    return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
  }
  return typeof v;
}
