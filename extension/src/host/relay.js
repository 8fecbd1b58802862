// Between the browser's extension messaging and the classifier worker:
// pages' ports (classify requests and verdicts), the background's requests
// (init, trust, configure...) and the worker's events. Used by the
// offscreen document in Chromium and by the background page in Firefox.
// Messages keep their type (protocol.js) on the way: the relay adds the
// page's port id going in and routes by it coming out.

import { PORT_NAME, PortMessage, HostOp, HostEvent } from '../common/protocol.js';

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
    worker.onerror = e => this.toBackground({ type: HostEvent.problem, message: `classifier worker: ${e.message || 'failed to start'}` });
    runtime.onConnect.addListener(port => {
      if (port.name !== PORT_NAME) return;
      // Pages only: other extension pages have no business classifying.
      if (!port.sender?.tab) { port.disconnect(); return; }
      const portId = this.nextPort++;
      this.ports.set(portId, port);
      port.onMessage.addListener(msg => this.fromPage(portId, msg));
      port.onDisconnect.addListener(() => {
        this.ports.delete(portId);
        this.worker.postMessage({ type: HostOp.close, portId });
      });
      port.postMessage({ type: PortMessage.ready });
    });
  }

  // A page may send its options and texts, nothing else.
  fromPage(portId, msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === PortMessage.opts) this.worker.postMessage({ type: HostOp.opts, portId, opts: msg.opts });
    else if (msg.type === PortMessage.classify && Array.isArray(msg.texts)) {
      this.worker.postMessage({ type: HostOp.classify, portId, id: msg.id, texts: msg.texts });
    }
  }

  fromWorker(msg) {
    switch (msg.type) {
      case HostEvent.verdicts:
      case HostEvent.error: {
        const { portId, ...toPage } = msg;
        this.ports.get(portId)?.postMessage(toPage);
        break;
      }
      case HostEvent.recheck:
        for (const port of this.ports.values()) port.postMessage({ type: PortMessage.recheck });
        break;
      case HostEvent.reply: {
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

  /** Asks the worker (a HostOp): resolves with its result, rejects with its error. */
  call(type, args = {}) {
    return new Promise((resolve, reject) => {
      const reqId = this.nextReq++;
      this.calls.set(reqId, { resolve, reject });
      this.worker.postMessage({ ...args, type, reqId });
    });
  }
}
