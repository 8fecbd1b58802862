// The toolbar popup: on/off for this site and everywhere, sensitivity,
// categories, and counts for this page and overall. Settings are written to
// storage; pages and the classifier follow from there.
import { Keys, CATEGORIES, normalizeSettings, siteKey } from '../common/settings.js';
import { sitePattern } from '../common/sites.js';
import { pageTranslator, applyStrings } from '../common/page-strings.js';
import { api, ask } from '../common/browser.js';
import { Request, PageRequest, Target } from '../common/protocol.js';

const $ = id => document.getElementById(id);

let settings = normalizeSettings((await api.storage.local.get(Keys.settings))[Keys.settings]);
const t = await pageTranslator(api, settings.language);
applyStrings(document, t, settings.language);

async function save(change) {
  settings = normalizeSettings({ ...settings, ...change });
  await api.storage.local.set({ [Keys.settings]: settings });
  render();
}

const [tab] = await api.tabs.query({ active: true, currentWindow: true });
let host = '';
try {
  const u = new URL(tab?.url || '');
  if (u.protocol === 'http:' || u.protocol === 'https:') host = u.hostname;
} catch { /* no URL: not a page we may see */ }

// The page's own counts, from its content script (absent where Voile does not run).
let page = null;
try {
  page = await api.tabs.sendMessage(tab.id, { target: Target.page, type: PageRequest.counts });
} catch { page = null; }

function render() {
  $('pause').textContent = settings.enabled ? t('popupPauseAll') : t('popupResumeAll');
  $('paused').hidden = settings.enabled;
  $('host').textContent = host;
  $('not-a-page').hidden = !!host;
  $('site-toggle').hidden = !host || !page;
  $('site-grant').hidden = !host || !!page;
  $('site-on').checked = settings.sites[siteKey(host)] !== false;
  $('sensitivity').value = String(settings.sensitivity);
  $('count-page').textContent = page ? String(page.flagged) : '–';
  // The page's posts wait veiled as unchecked: say why.
  $('page-error').hidden = !page?.classifierError;
  $('page-error').textContent = page?.classifierError ? t('popupClassifierFailed', [page.classifierError]) : '';
}

const cats = $('categories');
for (const c of CATEGORIES) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = settings.categories[c];
  box.addEventListener('change', () => save({ categories: { ...settings.categories, [c]: box.checked } }));
  label.append(box, ' ', t('cat_' + c));
  cats.appendChild(label);
}

$('pause').addEventListener('click', () => save({ enabled: !settings.enabled }));
$('site-on').addEventListener('change', e => save({ sites: { ...settings.sites, [siteKey(host)]: e.target.checked } }));
$('sensitivity').addEventListener('change', e => save({ sensitivity: Number(e.target.value) }));
$('options').addEventListener('click', e => { e.preventDefault(); api.runtime.openOptionsPage(); window.close(); });
$('grant').addEventListener('click', async () => {
  // Asking must happen in the click: browsers require a user gesture.
  const granted = await api.permissions.request({ origins: [sitePattern(host)] });
  if (!granted) return;
  await ask(Request.userSites);
  await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
  window.close();
});

const status = await ask(Request.status).catch(() => null);
if (status) {
  $('count-total').textContent = String(status.stats.flagged || 0);
  $('no-lists').hidden = status.loaded.length > 0;
}
render();
// Every listener is attached and the controls show the stored settings:
// until now a change could be lost, or overwritten by the first render.
document.body.dataset.ready = 'true';
