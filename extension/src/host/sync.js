// The WebSocket to the rule-sync server (server/PROTOCOL.md). It only
// moves bytes: the host encodes the hello and decodes the server's
// messages with the classifier (voile.encodeHello / decodeMessage), so the
// wire format has one implementation, in Go. What goes out names lists and
// versions only, never anything the reader reads.
//
// Offline, or when the server fails, it reconnects with a growing delay;
// the host keeps classifying with the last good lists meanwhile. The
// server setting may name several sync nodes of one service (separated
// by spaces or commas): when one goes away, the next is tried within about
// a second, with a hello naming the versions held, so the client gets only
// what it missed; the delay grows once every node has failed in turn.

const MIN_DELAY = 1000;
const MAX_DELAY = 5 * 60 * 1000;

/** The addresses of a server setting: one, or several separated by spaces or commas. */
export function serverUrls(text) {
  return String(text ?? '').split(/[\s,]+/).filter(Boolean);
}

export class SyncClient {
  /**
   * url: the server's ws(s) address, or several (serverUrls). hello(): the
   * bytes of the hello to send on connecting. onMessage(bytes),
   * onStatus({state, message}).
   */
  constructor({ url, WebSocket, hello, onMessage, onStatus, setTimeout: st = setTimeout, clearTimeout: ct = clearTimeout }) {
    this.setServer(url);
    this.WebSocket = WebSocket;
    this.hello = hello;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    // Called as plain functions: a worker's setTimeout called as a method
    // of this object throws "Illegal invocation".
    this.setTimeout = (fn, ms) => st(fn, ms);
    this.clearTimeout = id => ct(id);
    this.ws = null;
    this.delay = MIN_DELAY;
    this.timer = null;
    this.stopped = true;
  }

  setServer(server) {
    this.server = server;
    this.urls = serverUrls(server);
    this.index = 0;
    this.url = this.urls[0] ?? server;
    this.tried = 0; // addresses tried in turn since the last connection
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    this.clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    if (ws) try { ws.close(1000, 'client stopping'); } catch { /* closed */ }
  }

  /** Reconnects at once (a new address, or the reader asked). */
  restart(url = this.server) {
    this.stop();
    this.setServer(url);
    this.delay = MIN_DELAY;
    this.start();
  }

  /** Sends a new hello on the open connection (the follow set changed). */
  resend() {
    if (this.ws && this.ws.readyState === 1) this.send(this.hello());
  }

  send(bytes) {
    try {
      this.ws.send(bytes);
    } catch (err) {
      this.onStatus({ state: 'error', message: `sending to ${this.url}: ${err.message}` });
    }
  }

  open() {
    if (this.stopped) return;
    this.onStatus({ state: 'connecting', message: '' });
    let ws;
    try {
      ws = new this.WebSocket(this.url);
    } catch (err) {
      this.onStatus({ state: 'error', message: `cannot open ${this.url}: ${err.message}` });
      this.later();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.delay = MIN_DELAY;
      this.tried = 0;
      this.onStatus({ state: 'connected', message: '' });
      this.send(this.hello());
    };
    ws.onmessage = e => {
      if (this.ws !== ws) return;
      if (!(e.data instanceof ArrayBuffer)) {
        this.onStatus({ state: 'error', message: 'the server sent a text frame; the protocol uses binary frames only' });
        return;
      }
      this.onMessage(new Uint8Array(e.data));
    };
    ws.onclose = e => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.onStatus({ state: 'offline', message: e.reason || (e.code ? `closed (${e.code})` : '') });
      this.later();
    };
    ws.onerror = () => { /* onclose follows and says it */ };
  }

  later() {
    if (this.stopped) return;
    this.clearTimeout(this.timer);
    // A random part spreads the reconnections of many readers after an outage.
    const jitter = 0.75 + Math.random() * 0.5;
    let wait = this.delay * jitter;
    if (this.urls.length > 1) {
      this.index = (this.index + 1) % this.urls.length;
      this.url = this.urls[this.index];
      this.tried++;
    }
    if (this.tried > 0 && this.tried < this.urls.length) wait = MIN_DELAY * jitter; // another node, soon
    else this.delay = Math.min(MAX_DELAY, this.delay * 2);
    this.timer = this.setTimeout(() => { this.timer = null; this.open(); }, wait);
  }
}
