// A stand-in for the wasm classifier (build/wasm/voile.js) with the same
// JavaScript API, for unit tests of the extension's logic. It matches a few
// regular expressions taken from the demo lists' phrases against a crudely
// normalised text (lower case, no accents, no punctuation), and scores like
// shared/verdict: 1 − ∏(1 − w) per category, flagged at min(1, 0.5 × 2 × (1 − s)).

import { CATEGORIES } from '../src/common/categories.js';

export { CATEGORIES };

const RULES = [
  { list: 'demo-en', rule: 'xenophobia-go-back', category: 'xenophobia', weight: 0.8, re: /\bgo back to your (own )?country\b/ },
  { list: 'demo-en', rule: 'antisemitism-jews-control', category: 'antisemitism', weight: 0.85, re: /\bjews? control the (media|banks)\b/ },
  { list: 'demo-en', rule: 'sexism-inferior', category: 'sexism', weight: 0.8, re: /\bwomen are inferior\b/ },
  { list: 'demo-en', rule: 'lgbtphobia-dehumanising', category: 'lgbtphobia', weight: 0.85, re: /\bgays are (all )?disgusting\b/ },
  { list: 'demo-en', rule: 'threat-should-be-shot', category: 'threat', weight: 0.9, re: /\bshould (all )?be shot\b/ },
  { list: 'demo-en', rule: 'racism-monkey', category: 'racism', weight: 0.25, re: /\bmonkey\b/ },
  { list: 'demo-fr', rule: 'xenophobia-rentre-chez-toi', category: 'xenophobia', weight: 0.8, re: /\brentre dans ton pays\b/ },
  { list: 'demo-fr', rule: 'antisemitism-control', category: 'antisemitism', weight: 0.85, re: /\bjuifs controlent les\b/ },
  { list: 'demo-fr', rule: 'sexism-inferior', category: 'sexism', weight: 0.8, re: /\bfemmes sont inferieures\b/ },
  { list: 'demo-fr', rule: 'threat-merite', category: 'threat', weight: 0.9, re: /\bmerites? une balle\b/ },
  { list: 'demo-fr', rule: 'islamophobia-disease', category: 'islamophobia', weight: 0.8, re: /\bislam est un cancer\b/ },
];


export function normalise(text) {
  return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').trim();
}

export function fingerprint(text) {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(normalise(text))) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** The bytes of a fake signed bundle (see loadBundle). */
export function fakeBundle({ id, publisher = 'voile-demo', version = 1, sig = 'ok', rules = 3 }) {
  return new TextEncoder().encode(JSON.stringify({ id, publisher, version, sig, rules }));
}

/** A fake voile instance; calls counts classify calls and texts. */
export function fakeVoile({ lists = ['demo-en', 'demo-fr'] } = {}) {
  // Loaded lists by "publisher/id", as the engine names them.
  const loaded = new Map(lists.map(id => [`voile-demo/${id}`, { id, publisher: 'voile-demo', version: 1, name: id, langs: [id.slice(5)], demo: true, rules: RULES.filter(r => r.list === id).length }]));
  const trusted = new Map();
  const calls = { classify: 0, texts: 0 };
  return {
    calls,
    trust(publisher, key) {
      if (!/^voile-pub-[A-Za-z0-9_-]{43}$/.test(key)) throw new Error(`trust ${publisher}: malformed public key`);
      trusted.set(publisher, key);
    },
    loadBundle(bytes) {
      // Fake bundles are JSON: {id, publisher, version, sig: "ok"}.
      const b = JSON.parse(new TextDecoder().decode(bytes));
      if (!trusted.has(b.publisher)) throw new Error(`open list ${b.id}: publisher ${b.publisher} is not trusted`);
      if (b.sig !== 'ok') throw new Error(`open list ${b.id} version ${b.version}: bad signature for publisher ${b.publisher}`);
      const info = { id: b.id, publisher: b.publisher, version: b.version, name: b.name || b.id, langs: b.langs || [], demo: !!b.demo, rules: b.rules || 1 };
      loaded.set(`${b.publisher}/${b.id}`, info);
      return { id: info.id, publisher: info.publisher, version: info.version, rules: info.rules };
    },
    // "publisher/id", or an id alone that one loaded list has.
    unloadList(id) {
      const refs = String(id).includes('/') ? [String(id)] : [...loaded.keys()].filter(k => k.split('/')[1] === id);
      return refs.length === 1 && loaded.delete(refs[0]);
    },
    // The fake wire format is JSON; bundles travel as arrays of bytes.
    encodeHello(held = {}, follow = []) {
      return new TextEncoder().encode(JSON.stringify({ type: 'hello', held, follow }));
    },
    decodeMessage(bytes) {
      const m = JSON.parse(new TextDecoder().decode(bytes));
      if (m.bundle) m.bundle = Uint8Array.from(m.bundle);
      return m;
    },
    lists() { return [...loaded.values()]; },
    classify(texts, opts = {}) {
      calls.classify++;
      calls.texts += texts.length;
      const s = opts.sensitivity ?? 0.5;
      const cats = opts.categories || CATEGORIES;
      const allowRules = opts.allow?.rules || [];
      const allowPosts = opts.allow?.posts || [];
      return texts.map(text => {
        const norm = normalise(text);
        const reasons = [];
        const miss = {};
        for (const r of RULES) {
          if (!loaded.has(`voile-demo/${r.list}`)) continue;
          const m = r.re.exec(norm);
          if (!m) continue;
          reasons.push({ list: r.list, publisher: 'voile-demo', version: 1, rule: r.rule, category: r.category, weight: r.weight, start: m.index, end: m.index + m[0].length });
          if (allowRules.includes(`voile-demo/${r.list}/${r.rule}`)) continue;
          miss[r.category] = (miss[r.category] ?? 1) * (1 - r.weight);
        }
        const scores = {};
        let score = 0;
        let category = '';
        let flagged = false;
        for (const c of CATEGORIES) {
          scores[c] = 1 - (miss[c] ?? 1);
          if (!cats.includes(c) || scores[c] <= score) continue;
          score = scores[c];
          category = c;
          if (scores[c] >= Math.min(1, 0.5 * 2 * (1 - s))) flagged = true;
        }
        const fp = fingerprint(text);
        let allowed = false;
        if (flagged && allowPosts.includes(fp)) { flagged = false; allowed = true; }
        return { flagged, score, category, scores, fingerprint: fp, allowed, reasons };
      });
    },
  };
}
