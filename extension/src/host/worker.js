// The classifier host's worker: voile.wasm runs here, off the main thread
// of the offscreen document (Chromium) or background page (Firefox).
import '../wasm/wasm_exec.js';
import { loadVoile } from '../wasm/voile.js';
import { Host } from './host.js';
import { IdbCache } from './cache.js';

// The wasm and the start-up cache start loading at once, while the
// offscreen document (or background page) asks for the keys and lists.
const WASM = new URL('../wasm/voile.wasm', import.meta.url);
let loading = loadVoile(WASM);
loading.catch(() => {}); // init reports it
const cache = new IdbCache();
cache.prefetch();

const host = new Host({
  load: () => { // the early instance once, then fresh ones
    const v = loading ?? loadVoile(WASM);
    loading = null;
    return v;
  },
  post: msg => postMessage(msg),
  WebSocket: globalThis.WebSocket,
  cache,
});

onmessage = e => { host.handle(e.data); };
