// What Voile did to a page, read from outside the extension the way a
// reader sees it: which posts it marked and how (the state attribute the
// content script puts on each post container, whose name carries a random
// suffix per page), whether a blurred post is blurred on screen, and what
// the veil over it says. The veil lives in a closed shadow root that page
// scripts cannot open; the harness reads it through the DevTools protocol
// (WebDriver BiDi in Firefox), and presses its buttons with real (trusted)
// mouse clicks.
//
// The state attribute says only what a page may know: hidden until
// checked, blurred or shown. Whether a blurred post was flagged or not
// checked in time, and whether a shown post is one the reader revealed or
// marked as not hate, is read from the veil, as the reader reads it.

/** Verdict names for the container states of extension/src/content/styles.js. */
export const STATES = Object.freeze({ p: 'pending', s: 'shown', b: 'blurred' });

/**
 * A post's verdict from its state and its veil's mode: 'pending', 'shown',
 * 'blurred', 'unchecked' (veiled, not checked in time) or 'revealed' (shown
 * under the veil's bar: revealed, or marked as not hate).
 */
export function verdictOf(state, veil) {
  if (state === 'b' && veil?.mode === 'waiting') return 'unchecked';
  if (state === 's' && veil?.mode === 'compact') return 'revealed';
  return STATES[state] || state;
}

/**
 * Page script (installed before any page script runs) that notes when each
 * post is first marked and when it got its latest verdict, from the
 * attribute changes the content script makes. It only watches.
 */
export function timingScript() {
  const re = /^data-voile-[a-z]{8}$/;
  const times = new WeakMap();
  Object.defineProperty(window, '__voileHarness', { value: { times }, enumerable: false });
  const note = (el, name) => {
    const v = el.getAttribute(name);
    const now = performance.now();
    let t = times.get(el);
    if (!t) { t = { markedAt: now, verdictAt: null }; times.set(el, t); }
    if (v && v !== 'p') t.verdictAt = now;
  };
  new MutationObserver(records => {
    for (const r of records) if (r.type === 'attributes' && re.test(r.attributeName) && r.target.hasAttribute(r.attributeName)) note(r.target, r.attributeName);
  }).observe(document, { attributes: true, subtree: true });
}

// Runs in the page: every marked post, in document order.
function readPosts({ maxText }) {
  const re = /^data-voile-([a-z]{8})$/;
  let S = null;
  const walker = document.createTreeWalker(document.documentElement || document, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.currentNode; n && !S; n = walker.nextNode()) {
    if (n.nodeType !== 1) continue;
    for (const a of n.getAttributeNames()) if (re.test(a)) { S = a; break; }
  }
  const fixtures = [...document.querySelectorAll('[data-fixture-id]')];
  if (!S) return { names: null, posts: [], unmarkedFixtures: fixtures.map(f => f.getAttribute('data-fixture-id')) };
  const suffix = re.exec(S)[1];
  const C = `${S}-c`;
  const V = `voile-veil-${suffix}`;
  const els = [...document.querySelectorAll(`[${S}]`)];
  const posts = els.map((el, index) => {
    let cover = el.hasAttribute(C) ? el : null;
    if (!cover) {
      for (const c of el.querySelectorAll(`[${C}]`)) if (c.closest(`[${S}]`) === el) { cover = c; break; }
    }
    // Blurred on screen: the cover's element children are blurred, and its
    // own text (a post that is only text) is transparent.
    let blurredOnScreen = false;
    if (cover) {
      const kids = [...cover.children].filter(c => c.tagName.toLowerCase() !== V);
      const textOnly = [...cover.childNodes].some(n => n.nodeType === 3 && n.data.trim());
      blurredOnScreen = kids.every(c => /blur\(/.test(getComputedStyle(c).filter))
        && (!textOnly || getComputedStyle(cover).color === 'rgba(0, 0, 0, 0)');
    }
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const t = window.__voileHarness?.times.get(el);
    let text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    if (text.length > maxText) text = text.slice(0, maxText) + '…';
    return {
      index,
      id: el.getAttribute('data-fixture-id'),
      expect: el.getAttribute('data-fixture-expect'),
      lang: el.getAttribute('data-fixture-lang'),
      label: el.getAttribute('data-fixture-label'),
      tag: el.tagName.toLowerCase(),
      state: el.getAttribute(S),
      cover: cover ? cover.getAttribute(C) : null,
      blurredOnScreen,
      visible: style.visibility !== 'hidden' && style.opacity !== '0',
      timing: t ? { markedAt: Math.round(t.markedAt), verdictAt: t.verdictAt === null ? null : Math.round(t.verdictAt),
        hiddenMs: t.verdictAt === null ? null : Math.round(t.verdictAt - t.markedAt) } : null,
      rect: { x: Math.round(r.x + scrollX), y: Math.round(r.y + scrollY), width: Math.round(r.width), height: Math.round(r.height) },
      text,
    };
  });
  const marked = new Set(els);
  const unmarkedFixtures = fixtures.filter(f => !marked.has(f) && !f.closest('[data-fixture-untouched]')).map(f => f.getAttribute('data-fixture-id'));
  return { names: { state: S, cover: C, veil: V }, posts, unmarkedFixtures };
}

/**
 * Elements the extension must leave alone (data-fixture-untouched: the
 * reader's own editor) that it marked anyway, as short descriptions.
 */
export async function markedUntouched(page) {
  return page.evaluate(() => {
    const re = /^data-voile-[a-z]{8}/;
    const out = [];
    for (const u of document.querySelectorAll('[data-fixture-untouched]')) {
      for (const el of [u, ...u.querySelectorAll('*')]) {
        if (el.getAttributeNames().some(a => re.test(a))) out.push(`${el.tagName.toLowerCase()} in ${u.tagName.toLowerCase()}[data-fixture-untouched]`);
      }
    }
    return out;
  });
}

/**
 * Every post Voile marked on the page, in document order: {index, id (the
 * fixture id, if any), expect, state, verdict, blurredOnScreen, visible,
 * rect, text}. With veils: true (the default), blurred and revealed posts
 * also have veil: {mode, label, buttons, details} and reason (the veil's
 * label); details are the lines "Why?" shows once pressed, else null;
 * and verdict tells unchecked and revealed posts (verdictOf); without,
 * it is what the state attribute says: pending, blurred or shown.
 */
export async function listPosts(page, { veils = true, maxText = 2000 } = {}) {
  const snap = await page.evaluate(readPosts, { maxText });
  const posts = snap.posts.map(p => ({ ...p, verdict: STATES[p.state] || p.state }));
  if (veils && snap.names && posts.some(p => p.cover)) {
    const found = await readVeils(page, snap.names);
    for (const [index, veil] of found) {
      const p = posts[index];
      if (!p) continue;
      p.veil = { mode: veil.mode, label: veil.label, buttons: veil.buttons.map(b => b.text), details: veil.details };
      p.reason = veil.label;
      p.verdict = verdictOf(p.state, veil);
    }
  }
  return posts;
}

/** The posts whose verdict is blurred (the veil is down), with their reasons. */
export async function blurredPosts(page) {
  return (await listPosts(page)).filter(p => p.verdict === 'blurred');
}

// ---- the veils, through the DevTools protocol ----------------------------------

const sessions = new WeakMap();
async function cdp(page) {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
    page.once('close', () => sessions.delete(page));
  }
  return s;
}

const attrsOf = n => {
  const m = {};
  for (let i = 0; i + 1 < (n.attributes || []).length; i += 2) m[n.attributes[i]] = n.attributes[i + 1];
  return m;
};
const textIn = n => {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return '';
  return (n.children || []).map(textIn).join('');
};
const find = (n, pred, out = []) => {
  if (n.nodeType === 1 && pred(n)) out.push(n);
  for (const c of n.children || []) find(c, pred, out);
  return out;
};

/**
 * Reads every veil on the page: Map from the index of the post (in document
 * order of marked posts) to {mode, label, buttons: [{text, nodeId, primary}]}.
 */
async function readVeils(page, names) {
  if (page.isFirefox) return firefoxVeils(page, names);
  const s = await cdp(page);
  const { root } = await s.send('DOM.getDocument', { depth: -1, pierce: true });
  const out = new Map();
  let index = -1;
  const veilTag = names.veil.toUpperCase();
  // Light DOM of the main document only, in document order, as
  // querySelectorAll sees it; shadow roots are entered for veils alone.
  const walk = (n, owner) => {
    if (n.nodeType === 1) {
      const a = attrsOf(n);
      if (names.state in a) owner = ++index;
      if (n.nodeName === veilTag && n.shadowRoots?.length) {
        out.set(owner, readVeil(n.shadowRoots[0]));
        return;
      }
    }
    for (const c of n.children || []) walk(c, owner);
  };
  walk(root, -1);
  return out;
}

function readVeil(shadow) {
  const frame = find(shadow, n => n.nodeName === 'DIV' && /\b(blurred|waiting|compact)\b/.test(attrsOf(n).class || ''))[0];
  const mode = frame ? /\b(blurred|waiting|compact)\b/.exec(attrsOf(frame).class)[1] : 'unknown';
  const bar = frame ? find(frame, n => /\bbar\b/.test(attrsOf(n).class || ''))[0] : null;
  const label = bar ? (find(bar, n => n.nodeName === 'SPAN').map(textIn)[0] || '').trim() : '';
  const buttons = bar ? find(bar, n => n.nodeName === 'BUTTON').map(b => ({
    text: textIn(b).trim(), nodeId: b.nodeId, primary: /\bprimary\b/.test(attrsOf(b).class || ''),
  })) : [];
  const details = bar ? find(bar, n => /\bdetails\b/.test(attrsOf(n).class || ''))[0] : null;
  return { mode, label, buttons, details: details ? find(details, n => n.nodeName === 'P').map(p => textIn(p).trim()) : null };
}

/**
 * Presses a button of a post's veil with a real mouse click, as a reader
 * would. which: 'show' (the primary button, default), or the button's text
 * ("Not hate", "Hide", ...). post: a fixture id or a post index.
 */
export async function pressVeilButton(page, post, which = 'show') {
  const snap = await page.evaluate(readPosts, { maxText: 0 });
  if (!snap.names) throw new Error('no post on this page is marked by Voile');
  const index = typeof post === 'number' ? post : snap.posts.findIndex(p => p.id === post);
  if (index < 0 || !snap.posts[index]) throw new Error(`no marked post ${post} on this page`);
  const veils = await readVeils(page, snap.names);
  const veil = veils.get(index);
  if (!veil) throw new Error(`post ${post} has no veil (its state is ${snap.posts[index].state})`);
  const button = which === 'show' ? veil.buttons.find(b => b.primary) || veil.buttons[0] : veil.buttons.find(b => b.text === which);
  if (!button) throw new Error(`post ${post} has no "${which}" button; it has ${veil.buttons.map(b => b.text).join(', ')}`);
  if (page.isFirefox) {
    const at = await firefoxCall(page, VEIL_BUTTON_CENTER, [{ sharedId: veil.root }, { type: 'number', value: button.index }]);
    if (!at) throw new Error(`the "${button.text}" button of post ${post} is not on screen`);
    await page.mouse.click(at.x, at.y);
    return button.text;
  }
  const s = await cdp(page);
  await s.send('DOM.scrollIntoViewIfNeeded', { nodeId: button.nodeId });
  const { quads } = await s.send('DOM.getContentQuads', { nodeId: button.nodeId });
  if (!quads?.length) throw new Error(`the "${button.text}" button of post ${post} is not on screen`);
  const q = quads[0];
  const x = (q[0] + q[2] + q[4] + q[6]) / 4;
  const y = (q[1] + q[3] + q[5] + q[7]) / 4;
  await page.mouse.click(x, y);
  return button.text;
}

// ---- the veils in Firefox, through WebDriver BiDi ----------------------------
// BiDi serializes closed shadow roots for the client (includeShadowTree:
// 'all'), as references a function run in the page can then be given.

async function firefoxCall(page, fn, args = [], serializationOptions = undefined) {
  const { result } = await page.harness.firefox.browser.connection.send('script.callFunction', {
    functionDeclaration: String(fn),
    target: { context: page.contextId },
    arguments: args,
    awaitPromise: true,
    resultOwnership: 'none',
    ...(serializationOptions ? { serializationOptions } : {}),
  });
  if (result.type === 'exception') throw new Error(`in ${page.url()}: ${result.exceptionDetails?.text}`);
  const v = result.result;
  return v.type === 'string' ? JSON.parse(v.value) : v;
}

// Runs in the page, on a veil's shadow root: what the veil says.
function VEIL_READ(root) {
  const text = n => [...n.childNodes].map(c => (c.nodeType === 3 ? c.nodeValue : c.nodeName === 'STYLE' || c.nodeName === 'SCRIPT' ? '' : text(c))).join('');
  const frame = [...root.querySelectorAll('div')].find(d => /\b(blurred|waiting|compact)\b/.test(d.className));
  const mode = frame ? /\b(blurred|waiting|compact)\b/.exec(frame.className)[1] : 'unknown';
  const bar = frame ? frame.querySelector('.bar') : null;
  const span = bar ? bar.querySelector('span') : null;
  const buttons = bar ? [...bar.querySelectorAll('button')].map((b, index) => ({ text: text(b).trim(), index, primary: b.classList.contains('primary') })) : [];
  const details = bar ? bar.querySelector('.details') : null;
  return JSON.stringify({ mode, label: span ? text(span).trim() : '', buttons, details: details ? [...details.querySelectorAll('p')].map(p => text(p).trim()) : null });
}

// Runs in the page: scrolls a veil's button into view; its middle, in the viewport.
function VEIL_BUTTON_CENTER(root, index) {
  const frame = [...root.querySelectorAll('div')].find(d => /\b(blurred|waiting|compact)\b/.test(d.className));
  const b = frame?.querySelector('.bar')?.querySelectorAll('button')[index];
  if (!b) return JSON.stringify(null);
  b.scrollIntoView({ block: 'center' });
  const r = b.getBoundingClientRect();
  return JSON.stringify(r.width && r.height ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null);
}

async function firefoxVeils(page, names) {
  const list = await firefoxCall(page, `(state, veil) => {
    const posts = [...document.querySelectorAll('[' + state + ']')];
    return [...document.querySelectorAll(veil)].map(v => [posts.indexOf(v.closest('[' + state + ']')), v]);
  }`, [{ type: 'string', value: names.state }, { type: 'string', value: names.veil }], { maxDomDepth: 1, includeShadowTree: 'all' });
  const out = new Map();
  for (const pair of list.value || []) {
    const [index, node] = pair.value;
    const root = node.value?.shadowRoot?.sharedId;
    if (!root) continue;
    const veil = await firefoxCall(page, VEIL_READ, [{ sharedId: root }]);
    out.set(index.value, { ...veil, root });
  }
  return out;
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Waits until classification has settled: Voile marked the page, no post is
 * pending, every fixture post (data-fixture-id) is marked, and nothing
 * changed for quietMs. Returns the posts (as listPosts) and the time it
 * took. Rejects after timeoutMs, saying what it was still waiting for.
 */
export async function waitSettled(page, { timeoutMs = 15000, quietMs = 250, pollMs = 40, allowEmpty = false } = {}) {
  const start = Date.now();
  let last = null;
  let since = 0;
  let snap;
  for (;;) {
    snap = await page.evaluate(readPosts, { maxText: 0 });
    const pending = snap.posts.filter(p => p.state === 'p').length;
    const ready = (snap.names || allowEmpty) && pending === 0 && snap.unmarkedFixtures.length === 0;
    let sig = JSON.stringify(snap.posts.map(p => [p.state, p.cover]));
    // A post not checked in time and a flagged one are both blurred to
    // the page: once nothing is pending, their veils tell them apart.
    if (ready && snap.posts.some(p => p.state === 'b')) {
      sig = JSON.stringify((await listPosts(page, { maxText: 0 })).map(p => [p.state, p.cover, p.verdict]));
    }
    if (ready && sig === last) {
      if (Date.now() - since >= quietMs) break;
    } else {
      last = ready ? sig : null;
      since = Date.now();
    }
    if (Date.now() - start > timeoutMs) {
      const why = !snap.names ? 'no post was marked by Voile (is the extension loaded and on for this site?)'
        : pending ? `${pending} post(s) still pending`
          : snap.unmarkedFixtures.length ? `fixture posts not marked: ${snap.unmarkedFixtures.join(', ')}`
            : 'the page kept changing';
      throw new Error(`classification did not settle within ${timeoutMs} ms on ${page.url()}: ${why}`);
    }
    await sleep(pollMs);
  }
  return { ms: Date.now() - start, posts: await listPosts(page) };
}

/**
 * Waits until a post reaches a verdict ('blurred', 'shown', 'revealed',
 * ...; see listPosts). Returns the milliseconds it took.
 */
export async function waitForVerdict(page, id, verdict, { timeoutMs = 10000, pollMs = 25 } = {}) {
  const start = Date.now();
  for (;;) {
    // Telling revealed from shown, and unchecked from blurred, takes the veils.
    const p = (await listPosts(page, { maxText: 0 })).find(x => x.id === id);
    if (p && p.verdict === verdict) return Date.now() - start;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`post ${id} did not become ${verdict} within ${timeoutMs} ms (it is ${p ? p.verdict : 'not marked'})`);
    }
    await sleep(pollMs);
  }
}
