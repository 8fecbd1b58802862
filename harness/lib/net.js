// The harness's own network: a server for the fixture pages, and a proxy
// that every connection of the browser goes through. The proxy is the
// browser's only way out: it maps the sites' host names to the fixture
// server, lets through the addresses a test allows (the sync server), logs
// every connection from the first instant of the browser's life, and
// refuses everything else. Both listen on 127.0.0.1 only, on free ports.

import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SITES, renderFeed, posts } from './feeds.js';

const listen = (server, port = 0) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(server.address().port); });
});

/** A throwaway self-signed certificate (the browser ignores certificate errors). */
function makeCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-days', '2', '-subj', '/CN=voile-harness', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    { stdio: 'ignore', timeout: 10000 });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SITE_BY_HOST = new Map(Object.entries(SITES).map(([site, s]) => [s.host, site]));

/**
 * Serves the fixture feeds and any page a test adds, over HTTPS (for the
 * sites' host names, reached through the proxy) and over HTTP on
 * 127.0.0.1 (feeds under /feeds/SITE, for a person with a browser).
 * A feed URL with ?with=live adds the posts of the live-update tests.
 */
export async function startFeedServer() {
  const pages = new Map(); // "host/path" -> html
  const served = []; // {host, path}
  const handler = (req, res) => {
    const host = String(req.headers.host || '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url, 'http://x');
    served.push({ host, path: url.pathname + url.search, at: Date.now() });
    const send = (status, html) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    };
    const page = pages.get(host + url.pathname + url.search) ?? pages.get(host + url.pathname);
    if (page !== undefined) return send(200, page);
    const extra = url.searchParams.get('with') === 'live' ? posts.update.posts : [];
    let site = SITE_BY_HOST.get(host);
    const m = /^\/feeds\/([a-z]+)\/?$/.exec(url.pathname);
    if (!site && m && SITES[m[1]]) site = m[1];
    if (site && (m || url.pathname === new URL(SITES[site].path, 'http://x').pathname)) return send(200, renderFeed(site, { extra }));
    if (url.pathname === '/favicon.ico') { res.writeHead(204); return res.end(); }
    send(404, '<!doctype html><title>Not found</title><p>Not a fixture page.</p>');
  };
  const tls = makeCertificate();
  const secure = https.createServer(tls, handler);
  const plain = http.createServer(handler);
  const httpsPort = await listen(secure);
  const httpPort = await listen(plain);
  return {
    httpsPort,
    httpPort,
    served,
    /** The URL of a site's feed as the browser sees it. */
    feedUrl(site, { live = false } = {}) {
      const s = SITES[site];
      if (!s) throw new Error(`no fixture feed for site ${site}`);
      const u = new URL(s.path, `https://${s.host}`);
      if (live) u.searchParams.set('with', 'live');
      return u.href;
    },
    /** Serves html at https://host/pathname (and returns that URL). */
    addPage(host, pathname, html) {
      pages.set(host + pathname, html);
      return `https://${host}${pathname}`;
    },
    async close() {
      for (const s of [secure, plain]) { s.closeAllConnections?.(); }
      await Promise.all([secure, plain].map(s => new Promise(r => s.close(() => r()))));
    },
  };
}

/**
 * The browser's proxy. routes maps "host:port" to {host, port} on this
 * machine; a request to anything else is refused and logged as such
 * (passThrough: true connects it to where it asked instead).
 * log holds {at, method, target, allowed} for every connection.
 */
export async function startProxy(routes = new Map(), { passThrough = false, record = null } = {}) {
  const log = [];
  const sockets = new Set();
  const blocked = new Set(); // "host:port" destinations cut off for now
  const tunnels = new Set(); // {to: "host:port", sockets: [client, upstream]}
  const route = target => {
    const to = routes.get(target.toLowerCase());
    if (to && blocked.has(`${to.host}:${to.port}`)) return undefined;
    if (to || !passThrough) return to;
    const [host, port] = target.split(/:(?=\d+$)/);
    return { host: host.replace(/^\[|\]$/g, ''), port: Number(port) };
  };
  const server = http.createServer((req, res) => {
    // A plain http:// request in absolute form.
    let u;
    try { u = new URL(req.url); } catch { res.writeHead(400); return res.end(); }
    const target = `${u.hostname}:${u.port || 80}`;
    const to = route(target);
    log.push({ at: Date.now(), method: req.method, target, url: u.href, allowed: !!to });
    if (record) recordHttp(req, u.href, record);
    if (!to) {
      // Read what was sent (the recorder sees it), then refuse.
      req.on('end', () => { res.writeHead(403, { 'content-type': 'text/plain' }); res.end('refused by the Voile harness proxy'); });
      req.resume();
      return;
    }
    const up = http.request({ host: to.host, port: to.port, method: req.method, path: u.pathname + u.search, headers: req.headers }, r => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
    req.pipe(up);
  });
  const tunnel = (req, client, head) => {
    const target = String(req.url).toLowerCase();
    const to = route(target);
    log.push({ at: Date.now(), method: req.method, target, allowed: !!to });
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (!to) { client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n'); return; }
    const up = net.connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (record) sniffTunnel(client, head, target, record);
      if (head?.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    const entry = { to: `${to.host}:${to.port}`, sockets: [client, up] };
    tunnels.add(entry);
    up.on('close', () => { sockets.delete(up); tunnels.delete(entry); client.destroy(); });
    up.on('error', () => client.destroy());
    client.on('close', () => up.destroy());
  };
  server.on('connect', tunnel);
  // A ws:// request the browser sends in absolute form (rare: Chromium tunnels).
  server.on('upgrade', (req, client, head) => {
    let u;
    try { u = new URL(req.url); } catch { client.destroy(); return; }
    const target = `${u.hostname}:${u.port || 80}`;
    const to = route(target);
    log.push({ at: Date.now(), method: 'UPGRADE', target, url: u.href, allowed: !!to });
    if (!to) { client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n'); return; }
    const up = net.connect(to.port, to.host, () => {
      let head0 = `${req.method} ${u.pathname}${u.search} HTTP/1.1\r\n`;
      for (let i = 0; i < req.rawHeaders.length; i += 2) head0 += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
      up.write(head0 + '\r\n');
      if (head?.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up); sockets.add(client);
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
    up.on('close', () => { sockets.delete(up); client.destroy(); });
    client.on('close', () => { sockets.delete(client); up.destroy(); });
  });
  server.on('connection', s => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const port = await listen(server);
  return {
    port,
    log,
    routes,
    /** Lets the browser reach host:port, sent to to (default: the same address). */
    allow(target, to) {
      const [h, p] = target.split(/:(?=\d+$)/);
      routes.set(target.toLowerCase(), to || { host: h, port: Number(p) });
    },
    /** Cuts every open connection (a network drop, as the browser sees it). */
    dropAll() {
      for (const s of sockets) s.destroy();
    },
    /**
     * Cuts the browser off from a destination {host, port}: open tunnels
     * to it are cut and new ones refused until unblock().
     */
    block({ host, port }) {
      const to = `${host}:${port}`;
      blocked.add(to);
      for (const t of tunnels) if (t.to === to) for (const s of t.sockets) s.destroy();
    },
    unblock({ host, port }) {
      blocked.delete(`${host}:${port}`);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise(r => server.close(() => r()));
    },
  };
}

// ---- what the proxy sees -------------------------------------------------------
// With record(rec), the proxy also reports what goes through it in the
// recorder's format (see recorder.js): plain http:// requests with their
// bodies, and in tunnels that are not TLS (a ws:// WebSocket, which
// Firefox sends through CONNECT) the upgrade request and every frame the
// browser sends, unmasked. The sender is known by the Origin header: an
// extension's own origin marks the extension. This is how requests are
// recorded in Firefox, which has no DevTools protocol and whose WebDriver
// BiDi reports neither the extension's requests nor WebSocket frames.

const MAX_BODY = 1 << 20;
const senderOf = headers => {
  const origin = String(headers.origin || '');
  return { type: 'proxy', url: origin, extension: /^(moz|chrome)-extension:/.test(origin) };
};

function recordHttp(req, url, record) {
  const chunks = [];
  let size = 0;
  req.on('data', c => { if (size < MAX_BODY) { chunks.push(c); size += c.length; } });
  req.on('end', () => record({
    at: Date.now(), kind: 'http', url, method: req.method, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, target: senderOf(req.headers),
  }));
}

function sniffTunnel(client, head, target, record) {
  let buf = Buffer.alloc(0);
  let state = 'head'; // then 'frames', or 'off' (TLS, or not HTTP)
  let url = '';
  let who = { type: 'proxy', url: '', extension: false };
  const feed = chunk => {
    if (state === 'off') return;
    buf = Buffer.concat([buf, chunk]);
    if (state === 'head') {
      if (buf[0] === 0x16) { state = 'off'; return; } // a TLS handshake
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) { if (buf.length > 65536) state = 'off'; return; }
      const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
      const [method, reqPath] = lines[0].split(' ');
      const headers = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      who = senderOf(headers);
      const ws = /websocket/i.test(headers.upgrade || '');
      url = `${ws ? 'ws' : 'http'}://${headers.host || target}${reqPath}`;
      buf = buf.subarray(end + 4);
      if (ws) {
        record({ at: Date.now(), kind: 'websocket', url, method: 'GET', body: '', target: who });
        record({ at: Date.now(), kind: 'ws-handshake', url, method, body: '', headers, target: who });
        state = 'frames';
      } else {
        record({ at: Date.now(), kind: 'http', url, method, body: buf.toString('utf8'), headers, target: who });
        state = 'off';
        return;
      }
    }
    // Client frames: FIN/opcode, MASK/length, [extended length], mask, payload.
    while (state === 'frames' && buf.length >= 2) {
      const opcode = buf[0] & 0x0f;
      let len = buf[1] & 0x7f;
      let at = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); at = 4; }
      else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); at = 10; }
      const masked = (buf[1] & 0x80) !== 0;
      const mask = masked ? buf.subarray(at, at + 4) : null;
      if (masked) at += 4;
      if (buf.length < at + len) return;
      const payload = Buffer.from(buf.subarray(at, at + len));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      buf = buf.subarray(at + len);
      if (opcode <= 2) record({ at: Date.now(), kind: 'ws-frame', url, method: 'SEND', body: payload.toString('utf8'), target: who });
    }
  };
  if (head?.length) feed(head);
  client.on('data', feed);
}
