// Between the browser's extension messaging and the classifier worker:
// pages' ports (classify requests and verdicts), the background's requests
// (init, trust, configure...) and the worker's events. Used by the
// offscreen document in Chromium and by the background page in Firefox.

import { PORT_NAME } from '../common/protocol.js';

export class Relay {
  /**
   * runtime: chrome.runtime (for pages' ports). worker: the host worker.
   * toBackground(event): delivers a worker event (store a bundle, sync
   * status...) to the background.
   */
  constructor({ runtime, worker, toBackground }) {
    this.worker = worker;
    this.toBackground = toBackground;
    this.ports = new Map();
    this.nextPort = 1;
    this.nextReq = 1;
    this.calls = new Map();
    worker.onmessage = e => this.fromWorker(e.data);
    worker.onerror = e => this.toBackground({ event: 'problem', message: `classifier worker: ${e.message || 'failed to start'}` });
    runtime.onConnect.addListener(port => {
      if (port.name !== PORT_NAME) return;
      // Pages only: other extension pages have no business classifying.
      if (!port.sender?.tab) { port.disconnect(); return; }
      const portId = this.nextPort++;
      this.ports.set(portId, port);
      port.onMessage.addListener(msg => this.fromPage(portId, msg));
      port.onDisconnect.addListener(() => {
        this.ports.delete(portId);
        this.worker.postMessage({ op: 'close', portId });
      });
      port.postMessage({ type: 'ready' });
    });
  }

  fromPage(portId, msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'opts') this.worker.postMessage({ op: 'opts', portId, opts: msg.opts });
    else if (msg.type === 'classify' && Array.isArray(msg.texts)) {
      this.worker.postMessage({ op: 'classify', portId, id: msg.id, texts: msg.texts });
    }
  }

  fromWorker(msg) {
    switch (msg.event) {
      case 'verdicts':
        this.ports.get(msg.portId)?.postMessage({ type: 'verdicts', id: msg.id, verdicts: msg.verdicts, ms: msg.ms });
        break;
      case 'error':
        this.ports.get(msg.portId)?.postMessage({ type: 'error', id: msg.id, message: msg.message });
        break;
      case 'recheck':
        for (const port of this.ports.values()) port.postMessage({ type: 'recheck' });
        break;
      case 'reply': {
        const call = this.calls.get(msg.reqId);
        if (!call) break;
        this.calls.delete(msg.reqId);
        if (msg.error !== undefined) call.reject(new Error(msg.error));
        else call.resolve(msg.result);
        break;
      }
      default:
        this.toBackground(msg);
    }
  }

  /** Asks the worker: resolves with its result, rejects with its error. */
  call(op, args = {}) {
    return new Promise((resolve, reject) => {
      const reqId = this.nextReq++;
      this.calls.set(reqId, { resolve, reject });
      this.worker.postMessage({ ...args, op, reqId });
    });
  }
}
