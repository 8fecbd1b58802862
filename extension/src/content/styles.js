// The page-level stylesheet: it hides post containers until they are
// checked, and blurs flagged ones. It is installed at document_start, before
// the page's first paint, so that no post is ever painted unchecked.
//
// The names it uses (state attributes, veil tag) carry a random suffix per
// page, so a site's stylesheet cannot target them, and every rule is
// !important with a raised specificity, so the extension's styles win over
// the page's. The veil's own look lives in its closed shadow root
// (veil.js), out of the page's reach.
//
// Page scripts can read these attributes, so they say no more than the
// stylesheet needs: hidden until checked, blurred, or shown. A post the
// reader revealed or marked as not hate is "shown", as a clean one is; why
// a post is blurred or shown, and what the reader did, stay in the content
// script (the guard's record of each post, post-state.js).

/** Per-page random names for the attributes and the veil element. */
export function randomNames(random = Math.random) {
  const r = Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]).join('');
  return {
    state: `data-voile-${r}`, // on a container: see State
    cover: `data-voile-${r}-c`, // on the element under a veil: b(lurred), s(hown)
    veil: `voile-veil-${r}`,
  };
}

/**
 * Container states, as the page can read them: hidden until checked,
 * blurred (flagged, or not checked in time), shown (clean, revealed by
 * the reader, marked as not hate, or left alone).
 */
export const State = Object.freeze({
  PENDING: 'p',
  BLURRED: 'b',
  SHOWN: 's',
});

/**
 * The stylesheet text for a page. containers is the adapter's selector list
 * of post containers, or '' when the extension is off on this page.
 */
export function pageCss(names, containers) {
  const S = names.state;
  const C = names.cover;
  const V = names.veil;
  // Raise specificity above any plausible site rule, its !important ones
  // included: :not() of an impossible compound of three ids always matches
  // and counts as three ids.
  const ids = `:not(#${V}-a#${V}-b#${V}-c)`;
  const s3 = v => `[${S}="${v}"]${ids}`;
  const c3 = v => `[${C}="${v}"]${ids}`;
  const hide = 'visibility: hidden !important; opacity: 0 !important;';
  const rules = [];
  if (containers) {
    // A container the script has not seen yet is hidden as soon as it is
    // parsed; the script marks it within the same task.
    rules.push(`:is(${containers}):not([${S}])${ids} { ${hide} }`);
  }
  rules.push(`${s3('p')} { ${hide} }`);
  // The veil is positioned over the covered element. :where() gives this
  // rule no specificity, so a site that positions the element keeps its
  // own value (which also makes it a containing block).
  rules.push(`:where([${C}]) { position: relative; }`);
  rules.push(`:where([${C}="b"]) { min-height: 48px; }`);
  rules.push(
    `${c3('b')} > :not(${V})${ids} { filter: blur(14px) !important; pointer-events: none !important; user-select: none !important; }`,
  );
  rules.push(
    `${c3('b')} { color: transparent !important; text-shadow: 0 0 0.7em rgba(127, 127, 127, 0.9) !important; user-select: none !important; }`,
  );
  rules.push(`${V} { display: block !important; }`);
  return rules.join('\n');
}

/**
 * Installs css in doc, replacing what an earlier call installed. A
 * constructed stylesheet is preferred: it sits after every document sheet
 * in the cascade and is not an element the page can find in the DOM.
 * Where a content script cannot construct one (older Firefox), a <style>
 * element is used. Returns an object with update(css) and remove().
 */
export function installCss(doc, css) {
  const win = doc.defaultView;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      update(next) { sheet.replaceSync(next); },
      remove() { doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter(s => s !== sheet); },
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    (doc.head || doc.documentElement || doc).appendChild(style);
    return {
      update(next) {
        style.textContent = next;
        if (!style.isConnected) (doc.head || doc.documentElement).appendChild(style);
      },
      remove() { style.remove(); },
    };
  }
}
