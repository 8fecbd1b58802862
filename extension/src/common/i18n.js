// Strings in the reader's language. The browser's chrome.i18n picks the
// language of the browser; the options page lets a reader choose another,
// which chrome.i18n cannot do, so this module also reads the same
// _locales/*/messages.json files itself and applies their placeholders the
// way chrome.i18n does.

/** Interface languages shipped in _locales. */
export const LANGUAGES = ['en', 'fr'];

/**
 * Formats message key from a messages.json object, with substitutions
 * (strings) for $1..$9 through its named placeholders. Returns '' when the
 * key is missing, like chrome.i18n.getMessage.
 */
export function formatMessage(messages, key, subs = []) {
  const entry = messages && messages[key];
  if (!entry || typeof entry.message !== 'string') return '';
  const subst = Array.isArray(subs) ? subs.map(String) : [String(subs)];
  const placeholders = {};
  for (const [name, p] of Object.entries(entry.placeholders || {})) {
    placeholders[name.toLowerCase()] = String(p.content ?? '');
  }
  const positional = s => s.replace(/\$(\d)/g, (_, d) => subst[Number(d) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (m, name) => {
    if (m === '$$') return '$';
    const content = placeholders[name.toLowerCase()];
    return content === undefined ? '' : positional(content);
  });
}

/**
 * Returns t(key, subs). language is 'auto' (the browser's language) or one
 * of LANGUAGES, whose messages the caller supplies in catalogs; a key
 * missing there falls back to getMessage, then to English. With 'auto',
 * uiLanguage (the browser's, as "fr-CA") picks the catalog as
 * effectiveLanguage does, so that any fr-* gets French; without it, the
 * browser's own choice through getMessage.
 */
export function translator({ language = 'auto', uiLanguage = '', catalogs = {}, getMessage = null }) {
  const chosen = language !== 'auto' ? catalogs[language] : uiLanguage ? catalogs[effectiveLanguage('auto', uiLanguage)] : null;
  // chrome.i18n.getMessage is slow enough to matter when a page veils a
  // hundred posts: each string is looked up once.
  const cache = new Map();
  return (key, subs = []) => {
    const k = key + '\u0000' + (Array.isArray(subs) ? subs.join('\u0000') : String(subs));
    let s = cache.get(k);
    if (s === undefined) {
      s = lookup(key, subs);
      cache.set(k, s);
    }
    return s;
  };
  function lookup(key, subs) {
    if (chosen) {
      const s = formatMessage(chosen, key, subs);
      if (s) return s;
    }
    if (getMessage) {
      const s = getMessage(key, subs);
      if (s) return s;
    }
    return formatMessage(catalogs.en, key, subs);
  }
}

/** The language actually used by t for a setting ('auto' resolved). */
export function effectiveLanguage(language, uiLanguage) {
  if (LANGUAGES.includes(language)) return language;
  const base = String(uiLanguage || 'en').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(base) ? base : 'en';
}

/**
 * The browser's language: the extension API's interface language, else
 * the navigator's, as a tag like "fr-CA".
 */
export function browserLanguage(api, nav = globalThis.navigator) {
  let lang = '';
  try { lang = api?.i18n?.getUILanguage?.() || ''; } catch { /* not there */ }
  return lang || nav?.language || 'en';
}

/**
 * A date and time (a Date or milliseconds) as the interface language
 * writes them: "12 March 2026, 14:05" in French, "Mar 12, 2026, 2:05 PM"
 * in English.
 */
export function formatDateTime(when, language) {
  return new Intl.DateTimeFormat(LANGUAGES.includes(language) ? language : 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(when));
}

/**
 * Fills an extension page's elements from data attributes: data-i18n sets
 * textContent, data-i18n-attr="attr:key,attr:key" sets attributes.
 */
export function localizePage(doc, t) {
  for (const el of doc.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of doc.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':').map(s => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
