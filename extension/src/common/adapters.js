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
  if (!Number.isSafeInteger(doc.version) || doc.version < 1) bad('adapter document', `version ${doc.version} is not a positive integer`);
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
      if (p.minLength !== undefined && !(Number.isInteger(p.minLength) && p.minLength >= 0 && p.minLength <= 10000)) {
        bad(pw, 'minLength must be an integer from 0 to 10000');
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

/** Keeps the newer of two valid adapter documents. */
export function newerAdapters(a, b) {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}
