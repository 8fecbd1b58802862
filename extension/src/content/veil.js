// The veil over a flagged post: its category and a Show button, then, once
// shown, a small bar to hide it again or to say it is not hate. It lives in
// a closed shadow root, so the page can neither read nor restyle it, and it
// is built with DOM calls and the extension's own strings only: no page
// text ever goes into it.

// Shadow roots by host, for the tests (a closed root has no public handle).
const roots = new WeakMap();

/** The shadow root of a veil host, for tests. */
export function veilRoot(host) {
  return roots.get(host);
}

const VEIL_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: absolute !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
  visibility: visible !important;
  opacity: 1 !important;
  filter: none !important;
  transform: none !important;
  contain: layout style !important;
}
.screen {
  position: absolute; inset: 0;
  pointer-events: auto;
  -webkit-backdrop-filter: blur(14px);
  backdrop-filter: blur(14px);
  background: rgba(200, 200, 205, 0.55);
  border-radius: 6px;
}
.bar {
  position: absolute;
  pointer-events: auto;
  display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 6px 8px;
  box-sizing: border-box;
  max-width: calc(100% - 8px);
  padding: 6px 10px;
  border-radius: 8px;
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1b1b1f;
  background: #ffffff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  text-align: center;
}
.blurred .bar, .waiting .bar { left: 50%; top: 50%; transform: translate(-50%, -50%); }
.compact .bar { right: 4px; top: 4px; padding: 2px 6px; font-size: 12px; opacity: 0.92; }
.label { font-weight: 600; }
.why { font-size: 0.85em; opacity: 0.85; }
button {
  font: inherit; color: inherit;
  padding: 3px 10px; min-height: 28px;
  border: 1px solid #6b6b78; border-radius: 6px;
  background: #f1f1f4; cursor: pointer;
}
button.primary { background: #2d3a8c; border-color: #2d3a8c; color: #ffffff; }
button:focus-visible { outline: 3px solid #f0a500; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .screen { background: rgba(40, 40, 48, 0.6); }
  .bar { color: #f1f1f4; background: #26262e; }
  button { background: #3a3a46; border-color: #8a8a99; }
  button.primary { background: #8ea0ff; border-color: #8ea0ff; color: #101020; }
}
`;

// One parsed stylesheet shared by every veil of a page, where the browser
// lets a content script construct one; otherwise each veil has a <style>.
const sheets = new WeakMap();
function sharedSheet(doc) {
  if (!sheets.has(doc)) {
    let sheet = null;
    try {
      sheet = new doc.defaultView.CSSStyleSheet();
      sheet.replaceSync(VEIL_CSS);
      // Adopting must work too (it may not across Firefox's content-script boundary).
      const probe = doc.createElement('div').attachShadow({ mode: 'open' });
      probe.adoptedStyleSheets = [sheet];
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  return sheets.get(doc);
}

// Events that must not reach the page's own handlers on the post (a click
// on X's post opens it; keys are shortcuts on many sites).
const STOPPED = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'contextmenu'];

/**
 * Creates a veil. t(key, subs) returns a translated string; actions holds
 * the callbacks show(), hide(), notHate(), undo(), neverRules(). Returns
 * {host, render(mode, info)} where mode is 'blurred', 'revealed', 'allowed'
 * or 'waiting', and info is {category, why} (why as compactVerdict gives
 * it), or {rules: n} for 'allowed'.
 */
export function createVeil(doc, names, t, actions) {
  const host = doc.createElement(names.veil);
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  const sheet = sharedSheet(doc);
  if (sheet) {
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = VEIL_CSS;
    root.appendChild(style);
  }
  const frame = doc.createElement('div');
  root.appendChild(frame);
  for (const type of STOPPED) root.addEventListener(type, e => e.stopPropagation());

  const el = (tag, props = {}, ...children) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else if (k === 'onclick') e.addEventListener('click', v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.appendChild(c);
    return e;
  };
  const category = info => t('cat_' + info.category) || info.category;
  // Why the post is hidden: the rule, the kind of statement, or the model.
  const why = info => {
    const w = info.why;
    if (!w) return '';
    if (w.kind === 'frame') return t('whyFrame', [t('class_' + w.class) || w.class, w.rule]);
    if (w.kind === 'model') return t('whyModel', [String(Math.round(w.p * 100))]);
    return t('whyRule', [w.rule]);
  };

  function render(mode, info = {}) {
    const hadFocus = root.activeElement != null;
    frame.replaceChildren();
    frame.className = mode === 'blurred' ? 'blurred' : mode === 'waiting' ? 'waiting' : 'compact';
    let focus = null;
    if (mode === 'blurred' || mode === 'waiting') {
      frame.appendChild(el('div', { class: 'screen', 'aria-hidden': 'true' }));
      const label = mode === 'blurred' ? t('veilHidden', [category(info)]) : t('veilWaiting');
      const show = el('button', {
        class: 'primary', type: 'button', text: t('show'),
        'aria-label': mode === 'blurred' ? t('showLabel', [category(info)]) : t('show'),
        onclick: () => actions.show(),
      });
      const bar = el('div', { class: 'bar', role: 'group', 'aria-label': t('veilGroup') },
        el('span', { class: 'label', text: label }), show);
      const reason = mode === 'blurred' ? why(info) : '';
      if (reason) bar.insertBefore(el('span', { class: 'why', text: reason }), show);
      if (mode === 'blurred') {
        bar.appendChild(el('button', { type: 'button', text: t('notHate'), onclick: () => actions.notHate() }));
      }
      frame.appendChild(bar);
      focus = show;
    } else if (mode === 'revealed') {
      const hide = el('button', { type: 'button', text: t('hideAgain'), onclick: () => actions.hide() });
      frame.appendChild(el('div', { class: 'bar', role: 'group', 'aria-label': t('veilGroup') },
        el('span', { text: t('veilShown', [category(info)]) }), hide,
        el('button', { type: 'button', text: t('notHate'), onclick: () => actions.notHate() })));
      focus = hide;
    } else if (mode === 'allowed') {
      const undo = el('button', { type: 'button', text: t('undo'), onclick: () => actions.undo() });
      const bar = el('div', { class: 'bar', role: 'status', 'aria-label': t('veilGroup') },
        el('span', { text: t('markedNotHate') }), undo);
      if (info.rules > 0) {
        bar.appendChild(el('button', { type: 'button', text: t('neverRule'), onclick: () => actions.neverRules() }));
      }
      frame.appendChild(bar);
      focus = undo;
    }
    // Keep keyboard users where they were: the button they pressed is gone.
    if (hadFocus && focus) focus.focus();
  }

  return { host, render };
}
