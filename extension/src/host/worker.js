// The classifier host's worker: voile.wasm runs here, off the main thread
// of the offscreen document (Chromium) or background page (Firefox).
import '../wasm/wasm_exec.js';
import { loadVoile } from '../wasm/voile.js';
import { HostOp } from '../common/protocol.js';
import { Host } from './host.js';
import { IdbCache } from './cache.js';

// voile.wasm comes compiled, and the start-up cache read, as the first
// messages of the page that started this worker (start-worker.js); the
// wasm starts at once, while that page asks for the keys and lists.
const compiled = Promise.withResolvers();
const module = compiled.promise;
let loading = module.then(loadVoile);
loading.catch(() => {}); // init reports it
const cache = new IdbCache();
const cacheRead = Promise.withResolvers();
cache.prefetch(cacheRead.promise);

const host = new Host({
  load: () => { // the early instance once, then fresh ones
    const v = loading ?? module.then(loadVoile);
    loading = null;
    return v;
  },
  post: msg => postMessage(msg),
  WebSocket: globalThis.WebSocket,
  cache,
});

onmessage = e => {
  const msg = e.data;
  switch (msg?.type) {
    case HostOp.wasm:
      if (msg.module instanceof WebAssembly.Module) compiled.resolve(msg.module);
      else compiled.reject(new Error(`voile.wasm: ${msg.error || 'no module'}`));
      break;
    case HostOp.startupCache:
      cacheRead.resolve(msg.entry ?? null);
      break;
    default:
      host.handle(msg);
  }
};
