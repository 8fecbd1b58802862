// Site adapters are data, not code: each one says, for a set of hosts, which
// elements are posts (CSS selectors) and where each post's text is. A rule
// update can then ship an adapter fix (a site changed its markup) without a
// new extension release. This module validates adapter documents, picks the
// adapter for a page and compiles it into the selectors the content script
// uses.

/** Format number of adapter documents this code understands. */
export const ADAPTER_FORMAT = 1;

// Bounds that keep a bad or hostile document from making every page slow.
const MAX_ADAPTERS = 64;
const MAX_POST_TYPES = 16;
const MAX_SELECTOR = 1000;
const MAX_TEXT_PARTS = 8;
/** Highest adapter document version: no document can outnumber every later one. */
export const MAX_ADAPTER_VERSION = 1_000_000;
/** Highest minLength: a post of more characters is always checked. */
export const MAX_MIN_LENGTH = 20;

/**
 * Checks an adapter document and returns the list of problems, empty when
 * it can be used. isSelector(s) says whether s parses as a CSS selector
 * list; the content script passes one that asks the DOM.
 */
export function adapterProblems(doc, isSelector) {
  const problems = [];
  const bad = (where, what) => problems.push(`${where}: ${what}`);
  if (!doc || typeof doc !== 'object') return ['adapter document: not an object'];
  if (doc.format !== ADAPTER_FORMAT) bad('adapter document', `format ${doc.format}, want ${ADAPTER_FORMAT}`);
  if (!Number.isSafeInteger(doc.version) || doc.version < 1 || doc.version > MAX_ADAPTER_VERSION) {
    bad('adapter document', `version ${doc.version} is not an integer from 1 to ${MAX_ADAPTER_VERSION}`);
  }
  const selector = (where, s) => {
    if (typeof s !== 'string' || s.trim() === '') return bad(where, 'selector missing');
    if (s.length > MAX_SELECTOR) return bad(where, `selector longer than ${MAX_SELECTOR} characters`);
    if (!isSelector(s)) bad(where, `invalid selector ${JSON.stringify(s)}`);
  };
  if (doc.never !== undefined) selector('never', doc.never);
  if (!Array.isArray(doc.adapters) || doc.adapters.length === 0) {
    bad('adapter document', 'no adapters');
    return problems;
  }
  if (doc.adapters.length > MAX_ADAPTERS) bad('adapter document', `more than ${MAX_ADAPTERS} adapters`);
  const ids = new Set();
  for (const [i, a] of doc.adapters.entries()) {
    const where = `adapter ${a && typeof a.id === 'string' ? a.id : '#' + i}`;
    if (!a || typeof a !== 'object') { bad(where, 'not an object'); continue; }
    if (typeof a.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,31}$/.test(a.id)) bad(where, 'id must be lower-case letters, digits and dashes');
    else if (ids.has(a.id)) bad(where, 'duplicate id');
    ids.add(a.id);
    if (!Array.isArray(a.hosts) || !a.hosts.every(h => typeof h === 'string' && /^(\*|[a-z0-9.-]+)$/.test(h))) {
      bad(where, 'hosts must be an array of host names or "*"');
    }
    if (a.detect !== undefined) selector(`${where} detect`, a.detect);
    if (!Array.isArray(a.posts) || a.posts.length === 0 || a.posts.length > MAX_POST_TYPES) {
      bad(where, `posts must hold 1 to ${MAX_POST_TYPES} post types`);
      continue;
    }
    for (const [j, p] of a.posts.entries()) {
      const pw = `${where} post type ${j}`;
      if (!p || typeof p !== 'object') { bad(pw, 'not an object'); continue; }
      selector(`${pw} container`, p.container);
      if (!Array.isArray(p.text) || p.text.length === 0 || p.text.length > MAX_TEXT_PARTS) {
        bad(pw, `text must hold 1 to ${MAX_TEXT_PARTS} selectors`);
      } else {
        for (const t of p.text) if (t !== ':scope') selector(`${pw} text`, t);
      }
      if (p.cover !== undefined) selector(`${pw} cover`, p.cover);
      if (p.skip !== undefined) selector(`${pw} skip`, p.skip);
      if (p.minLength !== undefined && !(Number.isInteger(p.minLength) && p.minLength >= 0 && p.minLength <= MAX_MIN_LENGTH)) {
        bad(pw, `minLength must be an integer from 0 to ${MAX_MIN_LENGTH}`);
      }
    }
  }
  return problems;
}

/** Reports whether hostname is host or one of its subdomains. */
export function hostMatches(hostname, host) {
  return hostname === host || hostname.endsWith('.' + host);
}

/**
 * Returns the adapter for a host name: the first whose hosts name it (or a
 * parent domain), else the first with host "*", else null.
 */
export function adapterForHost(doc, hostname) {
  const h = String(hostname).toLowerCase().replace(/\.$/, '');
  let fallback = null;
  for (const a of doc.adapters) {
    for (const host of a.hosts) {
      if (host === '*') fallback ??= a;
      else if (hostMatches(h, host)) return a;
    }
  }
  return fallback;
}

/** Adapters that recognise their site by its markup on any host (Mastodon). */
export function detectingAdapters(doc) {
  return doc.adapters.filter(a => typeof a.detect === 'string');
}

/**
 * Compiles an adapter for the content script: one selector list matching
 * every post container (for the stylesheet that hides unchecked posts, and
 * for scanning), and the post types in order of precedence.
 */
export function compileAdapter(adapter, never = '') {
  const types = adapter.posts.map(p => ({
    kind: p.kind || 'post',
    container: p.container,
    text: p.text.slice(),
    cover: p.cover || '',
    skip: p.skip || '',
    minLength: p.minLength ?? 1,
  }));
  return {
    id: adapter.id,
    containers: types.map(t => t.container).join(', '),
    never: never || '',
    types,
  };
}

// An adapter update (adapter-updates.js) fixes where posts are on a site
// whose markup changed. It may add and change post types, but not weaken
// protection: it names the built-in version it fixes (base) and applies to
// that build only, so a newer extension build's adapters win over every
// older update; it keeps every built-in site, host and post container; and
// it changes neither what is never checked nor what is skipped in a post.

/**
 * The ways an update would weaken the built-in adapters, empty when it
 * does not. doc has passed adapterProblems.
 */
export function weakeningProblems(doc, builtin) {
  const problems = [];
  const bad = (where, what) => problems.push(`${where}: ${what}`);
  if (doc.base !== builtin.version) bad('adapter update', `made for built-in adapters ${doc.base}, this build has ${builtin.version}`);
  if (!(doc.version > builtin.version)) bad('adapter update', `version ${doc.version} is not above the built-in ${builtin.version}`);
  if ((doc.never ?? '') !== (builtin.never ?? '')) bad('adapter update', 'never differs from the built-in one');
  const byId = new Map(doc.adapters.map(a => [a.id, a]));
  for (const b of builtin.adapters) {
    const a = byId.get(b.id);
    if (!a) { bad(`adapter ${b.id}`, 'built-in site removed'); continue; }
    for (const h of b.hosts) if (!a.hosts.includes(h)) bad(`adapter ${b.id}`, `built-in host ${h} removed`);
    if (b.detect !== undefined && a.detect !== b.detect) bad(`adapter ${b.id}`, 'detect differs from the built-in one');
    for (const bp of b.posts) {
      if (!a.posts.some(p => p.container === bp.container)) bad(`adapter ${b.id}`, `built-in post container ${bp.container} removed`);
    }
  }
  for (const a of doc.adapters) {
    const b = builtin.adapters.find(x => x.id === a.id);
    if (!b) {
      // A new site, not one of the built-in ones under another adapter.
      if (a.hosts.includes('*')) bad(`adapter ${a.id}`, 'a new adapter may not take every host');
      if (a.detect !== undefined) bad(`adapter ${a.id}`, 'a new adapter may not detect sites by their markup');
      for (const h of a.hosts) {
        if (builtin.adapters.some(x => x.hosts.some(bh => bh !== '*' && (hostMatches(h, bh) || hostMatches(bh, h))))) {
          bad(`adapter ${a.id}`, `host ${h} belongs to a built-in adapter`);
        }
      }
    }
    for (const p of a.posts) {
      const bp = b?.posts.find(x => x.container === p.container);
      if ((p.skip ?? '') !== (bp?.skip ?? '')) bad(`adapter ${a.id}`, `skip of ${p.container} differs from the built-in one`);
      const min = bp?.minLength ?? 1;
      if ((p.minLength ?? 1) > min) bad(`adapter ${a.id}`, `minLength of ${p.container} above the built-in ${min}`);
    }
  }
  return problems;
}

/**
 * The adapter document a page uses: a stored update when it passes every
 * check against this build's built-in adapters, else the built-in ones.
 */
export function adaptersInUse(builtin, update, isSelector) {
  if (!update || typeof update !== 'object') return builtin;
  if (adapterProblems(update, isSelector).length) return builtin;
  if (weakeningProblems(update, builtin).length) return builtin;
  return update;
}

/** The stored update left once the reader stops trusting publisher. */
export function forgetAdaptersOf(update, publisher) {
  return update && update.signedBy === publisher ? undefined : update;
}
