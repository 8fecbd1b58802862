// The veil over a flagged post: its category and a Show button, then, once
// shown, a small bar to hide it again or to say it is not hate; "Why?"
// tells which list, publisher and rule hid it. It lives in
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
  display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 4px 8px;
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
.blurred .label, .blurred .why, .waiting .label { flex-basis: 100%; }
.compact .bar { right: 4px; top: 4px; padding: 2px 6px; font-size: 12px; opacity: 0.92; }
.label { font-weight: 600; }
.why { font-size: 0.85em; opacity: 0.85; }
/* The buttons: three slots, always in the same order and place (show or
   hide or undo; not hate or never this rule; why), an empty slot kept. */
.buttons { display: grid; grid-template-columns: repeat(3, auto); gap: 6px; align-items: center; }
.slot { visibility: hidden; }
button, .slot { min-width: 4.5em; box-sizing: border-box; }
.details { flex-basis: 100%; margin: 2px 0 0; text-align: start; font-size: 0.9em; overflow-wrap: anywhere; }
.details p { margin: 2px 0; }
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
  // Why the post is hidden, in a few words: the rule, the kind of
  // statement, or the model.
  const why = info => {
    const w = info.why;
    if (!w) return '';
    if (w.kind === 'frame') return t('whyFrame', [t('class_' + w.class) || w.class, w.rule]);
    if (w.kind === 'model') return t('whyModel', [String(Math.round(w.p * 100))]);
    return t('whyRule', [w.rule]);
  };
  // The same at length, for "Why?": the list, its publisher, and the rule,
  // the kind of statement or the model's confidence, so that a reader can
  // judge a mistake and tell the list's publisher about it.
  const details = info => {
    const w = info.why;
    const ruleId = ref => String(ref || '').split('/').pop();
    const line = (key, value) => el('p', { text: t(key, [value]) });
    const box = el('div', { class: 'details', id: 'why', role: 'note' });
    if (!w) return box;
    if (w.list) box.appendChild(line('whyListLine', w.list));
    if (w.publisher) box.appendChild(line('whyPublisherLine', w.publisher));
    if (w.kind === 'frame') {
      box.appendChild(el('p', { text: t('whyFrameLine', [t('class_' + w.class) || w.class]) }));
      box.appendChild(line('whyRuleLine', ruleId(w.rule)));
    } else if (w.kind === 'model') {
      box.appendChild(el('p', { text: t('whyModelLine', [String(Math.round(w.p * 100))]) }));
    } else {
      box.appendChild(line('whyRuleLine', ruleId(w.rule)));
    }
    box.appendChild(el('p', { text: t('whyWrong') }));
    return box;
  };
  let whyOpen = false;
  let shown = null; // the mode drawn last

  function render(mode, info = {}) {
    const hadFocus = root.activeElement != null;
    // Redrawn in the same state (Why?, a new language), the focus stays on
    // the same slot; in a new state, it goes to the first button.
    const focused = mode === shown ? root.activeElement?.dataset?.slot : null;
    shown = mode;
    frame.replaceChildren();
    frame.className = mode === 'blurred' ? 'blurred' : mode === 'waiting' ? 'waiting' : 'compact';
    if (mode === 'blurred' || mode === 'waiting') {
      frame.appendChild(el('div', { class: 'screen', 'aria-hidden': 'true' }));
    }
    const bar = el('div', { class: 'bar', role: mode === 'allowed' ? 'status' : 'group', 'aria-label': t('veilGroup') });
    let label;
    if (mode === 'blurred') label = t('veilHidden', [category(info)]);
    else if (mode === 'waiting') label = t('veilWaiting');
    else if (mode === 'revealed') label = t('veilShown', [category(info)]);
    else label = t('markedNotHate');
    bar.appendChild(el('span', { class: 'label', text: label }));
    const reason = mode === 'blurred' ? why(info) : '';
    if (reason) bar.appendChild(el('span', { class: 'why', text: reason }));

    // One layout for every state: [show | hide | undo] [not hate | never
    // this rule] [why?], an empty slot where a state has no such button.
    const slots = [null, null, null];
    const button = (slot, text, onclick, props = {}) => {
      slots[slot] = el('button', { type: 'button', text, 'data-slot': String(slot), onclick, ...props });
      return slots[slot];
    };
    if (mode === 'blurred' || mode === 'waiting') {
      button(0, t('show'), () => actions.show(), {
        class: 'primary', 'aria-label': mode === 'blurred' ? t('showLabel', [category(info)]) : t('show'),
      });
    } else if (mode === 'revealed') {
      button(0, t('hideAgain'), () => actions.hide());
    } else if (mode === 'allowed') {
      button(0, t('undo'), () => actions.undo());
      if (info.rules > 0) button(1, t('neverRule'), () => actions.neverRules());
    }
    if (mode === 'blurred' || mode === 'revealed') {
      button(1, t('notHate'), () => actions.notHate());
      if (info.why) {
        button(2, t('why'), () => {
          whyOpen = !whyOpen;
          render(mode, info);
        }, { 'aria-expanded': String(whyOpen), 'aria-controls': 'why', title: t('whyTitle') });
      }
    }
    const row = el('div', { class: 'buttons' });
    for (const b of slots) row.appendChild(b || el('span', { class: 'slot', 'aria-hidden': 'true' }));
    bar.appendChild(row);
    if (whyOpen && slots[2]) bar.appendChild(details(info));
    frame.appendChild(bar);
    // Keep keyboard users where they were: the button they pressed is gone.
    const focus = (focused != null && slots[Number(focused)]) || slots[0];
    if (hadFocus && focus) focus.focus();
  }

  return { host, render };
}
