// Checks what left the browser against Voile's promise: no request carries
// the text of a post. The extension may make only two kinds of request:
// to its own files (chrome-extension://, moz-extension://) and the sync WebSocket to its
// server; pages may load only their own documents.

const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com|googleusercontent\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com)$/;

const norm = s => String(s || '').toLowerCase().normalize('NFC').replace(/\s+/g, ' ');

/** Probes for a post's text: every run of three words (12 characters or more). */
export function textProbes(texts) {
  const probes = new Set();
  for (const t of texts) {
    const words = norm(t).split(' ').filter(Boolean);
    for (let i = 0; i + 3 <= words.length; i++) {
      const p = words.slice(i, i + 3).join(' ');
      if (p.length >= 12) probes.add(p);
    }
    if (words.length < 3 && norm(t).length >= 8) probes.add(norm(t));
  }
  return [...probes];
}

function haystacks(r) {
  const out = [r.url, r.body];
  try { out.push(decodeURIComponent(r.url)); } catch { /* not URL-encoded */ }
  try { out.push(decodeURIComponent((r.body || '').replace(/\+/g, ' '))); } catch { /* not form-encoded */ }
  if (r.headers) out.push(JSON.stringify(r.headers));
  return out.map(norm);
}

/**
 * Returns the problems (strings) in the recorded requests and proxied
 * connections. server: {host, port} of the sync server; aliases: other
 * "host:port" the proxy sends to it (the extension's default address);
 * pages: the "host" names of the fixture pages; texts: the post texts.
 */
export function privacyProblems({ requests, connections, server, aliases = [], pageHosts, texts }) {
  const problems = [];
  const syncAddrs = new Set([`${server.host}:${server.port}`, ...aliases]);
  const isSync = u => {
    try {
      const x = new URL(u);
      return (x.protocol === 'ws:' || x.protocol === 'wss:') && syncAddrs.has(`${x.hostname}:${x.port || (x.protocol === 'wss:' ? 443 : 80)}`) && x.pathname === '/v1/sync';
    } catch { return false; }
  };
  const internal = u => /^(chrome-extension|moz-extension|data|blob|about):/.test(u);
  const isPage = u => {
    try { return pageHosts.has(new URL(u).hostname); } catch { return false; }
  };
  const probes = textProbes(texts);
  for (const r of requests) {
    const who = `${r.target.extension ? 'extension' : 'page'} ${r.target.type} ${r.target.url || '?'}`;
    const ws = r.kind === 'websocket' || r.kind === 'ws-handshake' || r.kind === 'ws-frame';
    if (r.target.extension) {
      if (!internal(r.url) && !(ws && isSync(r.url))) problems.push(`${who}: ${r.kind} ${r.method} ${r.url} is neither the extension's own nor the sync WebSocket`);
    } else if (!internal(r.url) && !isPage(r.url)) {
      problems.push(`${who}: ${r.kind} ${r.method} ${r.url} is not the page's own`);
    }
    const hay = haystacks(r);
    const hit = probes.find(p => hay.some(h => h.includes(p)));
    if (hit) problems.push(`${who}: ${r.kind} ${r.method} ${r.url.slice(0, 120)} carries post text ("${hit}")`);
  }
  for (const c of connections) {
    const host = c.target.replace(/:\d+$/, '');
    if (c.allowed) {
      if (!syncAddrs.has(c.target) && !pageHosts.has(host) && !c.target.startsWith('127.0.0.1:')) problems.push(`connection to ${c.target} was let through`);
    } else if (!BROWSER_SERVICES.test(host)) {
      problems.push(`the browser tried to reach ${c.target} (${c.method}${c.url ? ' ' + c.url : ''})`);
    } else if (c.url && probes.some(p => norm(decodeURIComponent(c.url)).includes(p))) {
      problems.push(`the browser's request to ${c.url} carries post text`);
    }
  }
  return problems;
}
