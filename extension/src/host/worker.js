// The classifier host's worker: voile.wasm runs here, off the main thread
// of the offscreen document (Chromium) or background page (Firefox).
import '../wasm/wasm_exec.js';
import { loadVoile } from '../wasm/voile.js';
import { Host } from './host.js';
import { IdbCache } from './cache.js';

const host = new Host({
  load: () => loadVoile(new URL('../wasm/voile.wasm', import.meta.url)),
  post: msg => postMessage(msg),
  WebSocket: globalThis.WebSocket,
  cache: new IdbCache(),
});

onmessage = e => { host.handle(e.data); };
