// Strings for the extension's own pages (popup, options): the reader's
// chosen language from the same _locales files as chrome.i18n.
import { translator, LANGUAGES, localizePage, effectiveLanguage, browserLanguage } from './i18n.js';
import { api as browserApi } from './browser.js';

export async function pageTranslator(api, language) {
  const catalogs = {};
  await Promise.all(LANGUAGES.map(async lang => {
    try {
      catalogs[lang] = await (await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))).json();
    } catch { /* chrome.i18n still answers */ }
  }));
  const getMessage = (key, subs) => { try { return api.i18n.getMessage(key, subs); } catch { return ''; } };
  return translator({ language, uiLanguage: browserLanguage(api), catalogs, getMessage });
}

/** The language a page is shown in: the setting, 'auto' resolved. */
export function pageLanguage(api, language) {
  return effectiveLanguage(language, browserLanguage(api));
}

export function applyStrings(doc, t, language, api = browserApi) {
  localizePage(doc, t);
  doc.documentElement.lang = pageLanguage(api, language);
}
