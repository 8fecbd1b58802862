// Records every request the browser's targets make: pages and their frames,
// the extension's service worker, its pages (popup, options, offscreen
// documents) and every worker below them. It is a second DevTools client
// of its own beside Playwright: it attaches to each target as it starts,
// before the target runs, so not even a first request is missed.

import WebSocket from 'ws';

// Target types whose network is recorded.
const RECORDED = new Set(['page', 'iframe', 'worker', 'service_worker', 'shared_worker', 'other', 'background_page']);

/** One recorded request: where it went, what it carried, who sent it. */
// {at, kind: 'http'|'http-body'|'websocket'|'ws-handshake'|'ws-frame', url,
//  method, body, headers, target: {type, url, extension}}

export class Recorder {
  /** Connects to the browser's DevTools endpoint (ws://127.0.0.1:PORT/devtools/browser/...). */
  static async attach(browserWsUrl) {
    const r = new Recorder(browserWsUrl);
    await r.open();
    return r;
  }

  constructor(url) {
    this.url = url;
    this.requests = [];
    this.targets = new Map(); // sessionId -> {type, url}
    this.nextId = 1;
    this.pending = new Map();
    this.wsUrls = new Map(); // sessionId:requestId -> url of a WebSocket
    this.listeners = new Set();
  }

  open() {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(this.url, { perMessageDeflate: false, maxPayload: 256 << 20 });
      this.ws.once('error', reject);
      this.ws.on('message', data => this.onMessage(JSON.parse(data.toString())));
      this.ws.once('open', async () => {
        try {
          await this.send('Target.setDiscoverTargets', { discover: true });
          await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
          // Targets that already run (the extension's service worker, open
          // pages) are attached too.
          const { targetInfos } = await this.send('Target.getTargets');
          for (const t of targetInfos) {
            if (RECORDED.has(t.type)) this.send('Target.attachToTarget', { targetId: t.targetId, flatten: true }).catch(() => {});
          }
          resolve();
        } catch (e) { reject(e); }
      });
    });
  }

  send(method, params = {}, sessionId) {
    const id = this.nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      if (this.ws.readyState !== WebSocket.OPEN) { this.pending.delete(id); reject(new Error('recorder closed')); return; }
      this.ws.send(JSON.stringify(msg));
    });
  }

  onMessage(m) {
    if (m.id !== undefined) {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
      else p.resolve(m.result);
      return;
    }
    const { method, params, sessionId } = m;
    if (method === 'Target.attachedToTarget') return this.onAttached(params, sessionId);
    if (method === 'Target.detachedFromTarget') { this.targets.delete(params.sessionId); return; }
    if (method === 'Target.targetCrashed' || method === 'Inspector.detached') return;
    if (method === 'Target.targetInfoChanged') {
      for (const t of this.targets.values()) if (t.targetId === params.targetInfo.targetId) t.url = params.targetInfo.url;
      return;
    }
    const target = this.targets.get(sessionId) || { type: 'unknown', url: '' };
    const who = { type: target.type, url: target.url || this.ancestorUrl(target), extension: this.isExtension(target) };
    const add = rec => {
      this.requests.push(rec);
      for (const l of this.listeners) l(rec);
    };
    switch (method) {
      case 'Network.requestWillBeSent': {
        const q = params.request;
        let body = q.postData || '';
        if (!body && Array.isArray(q.postDataEntries)) {
          body = q.postDataEntries.map(e => (e.bytes ? Buffer.from(e.bytes, 'base64').toString('utf8') : '')).join('');
        }
        add({ at: Date.now(), kind: 'http', url: q.url, method: q.method, body, headers: q.headers, resourceType: params.type, target: who });
        if (!body && q.hasPostData) {
          this.send('Network.getRequestPostData', { requestId: params.requestId }, sessionId)
            .then(r => { add({ at: Date.now(), kind: 'http-body', url: q.url, method: q.method, body: r.postData, target: who }); })
            .catch(() => {});
        }
        break;
      }
      case 'Network.webSocketCreated':
        this.wsUrls.set(`${sessionId}:${params.requestId}`, params.url);
        add({ at: Date.now(), kind: 'websocket', url: params.url, method: 'GET', body: '', target: who });
        break;
      case 'Network.webSocketWillSendHandshakeRequest':
        add({ at: Date.now(), kind: 'ws-handshake', url: this.wsUrls.get(`${sessionId}:${params.requestId}`) || '', method: 'GET', body: '', headers: params.request?.headers, target: who });
        break;
      case 'Network.webSocketFrameSent': {
        const r = params.response || {};
        // Binary frames (opcode 2) come base64-encoded; their strings are UTF-8.
        const body = r.opcode === 2 ? Buffer.from(r.payloadData || '', 'base64').toString('utf8') : (r.payloadData || '');
        add({ at: Date.now(), kind: 'ws-frame', url: this.wsUrls.get(`${sessionId}:${params.requestId}`) || '', method: 'SEND', body, target: who });
        break;
      }
      default:
    }
  }

  async onAttached({ sessionId, targetInfo, waitingForDebugger }, parentSession) {
    const s = sessionId;
    // A target reached twice (auto-attached from its parent, and from the
    // list at the start) is recorded once.
    const known = [...this.targets.values()].find(t => t.targetId === targetInfo.targetId);
    if (known) {
      // Keep what this attachment knows better: the target above it.
      if (!known.parent && parentSession) known.parent = parentSession;
      if (!known.url && targetInfo.url) known.url = targetInfo.url;
      if (waitingForDebugger) await this.send('Runtime.runIfWaitingForDebugger', {}, s).catch(() => {});
      await this.send('Target.detachFromTarget', { sessionId: s }).catch(() => {});
      return;
    }
    this.targets.set(sessionId, { type: targetInfo.type, url: targetInfo.url, targetId: targetInfo.targetId, parent: parentSession });
    try {
      if (RECORDED.has(targetInfo.type)) {
        await this.send('Network.enable', { maxPostDataSize: 1 << 20 }, s).catch(() => {});
      }
      // Frames and workers below this target.
      await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, s).catch(() => {});
    } finally {
      if (waitingForDebugger) await this.send('Runtime.runIfWaitingForDebugger', {}, s).catch(() => {});
    }
  }

  // The URL of the nearest target above with one (a dedicated worker starts
  // without a URL).
  ancestorUrl(t) {
    for (let p = this.targets.get(t.parent); p; p = this.targets.get(p.parent)) if (p.url) return p.url;
    return '';
  }

  // Whether a target is the extension's: it or a target above it (the
  // offscreen document of a worker) has an extension URL.
  isExtension(t) {
    for (let p = t; p; p = this.targets.get(p.parent)) if (/^chrome-extension:/.test(p.url || '')) return true;
    return false;
  }

  /** The sessions of the attached targets whose URL is url. */
  sessionsFor(url) {
    return [...this.targets].filter(([, t]) => t.url === url).map(([sessionId]) => sessionId);
  }

  /** Calls fn(record) for every request recorded from now on; returns a function that stops it. */
  onRequest(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close() {
    for (const p of this.pending.values()) p.reject(new Error('recorder closed'));
    this.pending.clear();
    try { this.ws?.close(); } catch { /* already closed */ }
  }
}
