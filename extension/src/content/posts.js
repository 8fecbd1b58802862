// Finding posts on a page and reading their text, following a compiled
// adapter (see common/adapters.js). Text is read with textContent, never
// innerText, so that reading a thousand posts forces no layout.

/** Longest text sent to the classifier for one post. */
export const MAX_TEXT = 20000;

// Elements whose text is never a post's words.
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/**
 * Returns the post containers in root: root itself if it is one, and every
 * container below it, in document order.
 */
export function containersIn(root, compiled) {
  const out = [];
  if (root.nodeType !== 1) return out;
  if (root.matches(compiled.containers)) out.push(root);
  for (const el of root.querySelectorAll(compiled.containers)) out.push(el);
  return out;
}

/** The first post type whose container selector matches el, or null. */
export function postTypeOf(el, compiled) {
  for (const t of compiled.types) if (el.matches(t.container)) return t;
  return null;
}

/** The nearest post container that holds node (or node itself), or null. */
export function containerOf(node, compiled) {
  const el = node.nodeType === 1 ? node : node.parentElement;
  return el ? el.closest(compiled.containers) : null;
}

/**
 * Reports whether a container must be left alone whatever its text: inside
 * the reader's own editor, or in a place the post type skips (navigation).
 * A post that merely holds a reply box is still a post.
 */
export function isExcluded(el, type, compiled, neverPresent = true) {
  if (neverPresent && compiled.never && el.closest(compiled.never)) return true;
  if (type.skip && el.closest(type.skip)) return true;
  return false;
}

/**
 * Reads a post's text: the text of each of its text parts, in document
 * order, without the text of posts nested inside it (a quoted post, a
 * reply), which are classified on their own.
 */
export function postText(el, type, compiled) {
  // One look for nested posts and for scripts decides between the fast
  // path (textContent of each part) and the careful one.
  const nested = el.querySelector(compiled.containers) !== null;
  const noisy = nested || el.querySelector('script, style, noscript, template') !== null;
  const parts = [];
  // Two selectors may name the same element: read it once.
  const seen = type.text.length > 1 ? new Set() : null;
  for (const sel of type.text) {
    if (sel === ':scope') {
      parts.push(noisy ? textOf(el, el, compiled) : el.textContent);
      continue;
    }
    const found = el.querySelectorAll(sel);
    for (let i = 0; i < found.length; i++) {
      const part = found[i];
      if (nested && !ownedBy(part, el, compiled)) continue;
      if (seen) {
        if (seen.has(part)) continue;
        seen.add(part);
      }
      parts.push(noisy ? textOf(part, el, compiled) : part.textContent);
    }
  }
  let text = parts.length === 1 ? parts[0] : parts.join('\n');
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
  return text;
}

// A text part belongs to el when no other container stands between them.
function ownedBy(part, el, compiled) {
  return part === el || part.closest(compiled.containers) === el;
}

// The text below part, skipping nested containers, scripts and styles.
function textOf(part, el, compiled) {
  const doc = part.ownerDocument;
  const NF = doc.defaultView.NodeFilter;
  const walker = doc.createTreeWalker(part, NF.SHOW_ELEMENT | NF.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 3) return NF.FILTER_ACCEPT;
      if (NOT_TEXT.has(n.tagName.toUpperCase())) return NF.FILTER_REJECT;
      if (n !== el && n.matches(compiled.containers)) return NF.FILTER_REJECT;
      return NF.FILTER_SKIP;
    },
  });
  let s = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) s += n.data;
  return s;
}

/** The element a flagged post's blur and veil go on. */
export function coverOf(el, type) {
  if (!type.cover) return el;
  return el.querySelector(type.cover) || el;
}
