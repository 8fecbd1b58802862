// The content script, run at document_start on the pages Voile guards. It
// is bundled into one classic script (content scripts cannot be ES
// modules), so that everything below runs synchronously before the page
// paints: the built-in adapter and the stylesheet are in place before the
// first post is parsed, and stored settings and adapter updates follow a
// few milliseconds later.

import builtinAdapters from '../adapters/builtin.json';
import en from '../_locales/en/messages.json';
import fr from '../_locales/fr/messages.json';
import { adapterForHost, detectingAdapters, compileAdapter, adaptersInUse } from '../common/adapters.js';
import { normalizeSettings, normalizeAllow, siteEnabled, classifyOptions, Keys } from '../common/settings.js';
import { translator, browserLanguage } from '../common/i18n.js';
import { PageGuard } from './guard.js';
import { randomNames } from './styles.js';
import { ClassifierPort } from './classifier-port.js';
import { api, tell } from '../common/browser.js';
import { Request, PageRequest, Target } from '../common/protocol.js';
const host = location.hostname;
const catalogs = { en, fr };
const getMessage = (key, subs) => { try { return api.i18n.getMessage(key, subs); } catch { return ''; } };
const uiLanguage = browserLanguage(api);

function isSelector(s) {
  try { document.createDocumentFragment().querySelector(s); return true; } catch { return false; }
}

let adapters = builtinAdapters;
let settings = normalizeSettings({});
let allow = normalizeAllow({});
let detected = null; // an adapter recognised by the page's markup

function chooseAdapter() {
  const byHost = adapterForHost(adapters, host);
  if (byHost && !byHost.hosts.includes('*')) return byHost;
  return detected || byHost;
}

const names = randomNames();
const classifier = new ClassifierPort({
  runtime: api.runtime,
  opts: classifyOptions(settings, allow),
  onRecheck: () => guard?.recheck(),
});
let guard = new PageGuard({
  doc: document,
  compiled: compileAdapter(chooseAdapter(), adapters.never),
  names,
  classify: texts => classifier.classify(texts),
  t: translator({ language: 'auto', uiLanguage, catalogs, getMessage }),
  allow: change => tell(Request.correction, { change }),
  onFlagged: v => countFlagged(v.category),
});
guard.start();

// Sites recognised by their markup (Mastodon on any instance) can only be
// told once the page's root elements exist.
function detect() {
  if (detected || !adapterForHost(adapters, host)?.hosts.includes('*')) return;
  detected = detectingAdapters(adapters).find(a => { try { return document.querySelector(a.detect); } catch { return false; } }) || null;
  if (detected && guard) guard.setAdapter(compileAdapter(detected, adapters.never));
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', detect, { once: true });
else detect();

// Overall counts go to the background in small batches.
let flaggedBatch = [];
let flaggedTimer = 0;
function countFlagged(category) {
  flaggedBatch.push(category);
  if (!flaggedTimer) {
    flaggedTimer = setTimeout(() => {
      tell(Request.stats, { categories: flaggedBatch });
      flaggedBatch = [];
      flaggedTimer = 0;
    }, 1000);
  }
}

function applyStored(stored) {
  if (stored[Keys.settings] !== undefined) settings = normalizeSettings(stored[Keys.settings]);
  if (stored[Keys.allow] !== undefined) allow = normalizeAllow(stored[Keys.allow]);
  // An update applies only to the build it was made for, and only when it
  // weakens none of the built-in adapters.
  adapters = adaptersInUse(builtinAdapters, stored[Keys.adapters], isSelector);
}

let sentOpts = JSON.stringify(classifier.opts);

let language = 'auto';

function refresh() {
  const on = siteEnabled(settings, host);
  if (settings.language !== language) {
    language = settings.language;
    guard.setTranslator(translator({ language, uiLanguage, catalogs, getMessage }));
  }
  const opts = classifyOptions(settings, allow);
  const optsChanged = JSON.stringify(opts) !== sentOpts;
  if (optsChanged) {
    sentOpts = JSON.stringify(opts);
    classifier.setOpts(opts);
  }
  if (!on) {
    guard.stop();
    return;
  }
  const compiled = compileAdapter(chooseAdapter(), adapters.never);
  if (!guard.running) guard.start(compiled);
  else guard.setAdapter(compiled);
  // Posts already judged with other options are judged again.
  if (optsChanged && guard.sentAny) guard.recheck();
}

api.storage.local.get([Keys.settings, Keys.allow, Keys.adapters]).then(stored => {
  applyStored(stored);
  refresh();
}, () => { /* storage unavailable: built-in defaults stay */ });

api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (!changes[Keys.settings] && !changes[Keys.allow] && !changes[Keys.adapters]) return;
  const stored = {};
  for (const k of [Keys.settings, Keys.allow, Keys.adapters]) if (changes[k]) stored[k] = changes[k].newValue;
  applyStored(stored);
  refresh();
});

// The popup asks for this page's counts.
api.runtime.onMessage.addListener((msg, _sender, reply) => {
  if (msg?.target !== Target.page || msg.type !== PageRequest.counts) return;
  reply({ ...guard.pageCounts(), adapter: guard.adapterId, enabled: siteEnabled(settings, host), host });
});
