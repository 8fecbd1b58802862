// Starting the classifier worker: used by the offscreen document in
// Chromium and by the background page in Firefox.

import { compileVoile } from '../wasm/voile.js';
import { HostOp } from '../common/protocol.js';
import { IdbCache } from './cache.js';

/**
 * Starts the host worker and, meanwhile, compiles voile.wasm and reads the
 * start-up cache for it: the worker loads its modules before any of its
 * code runs, and that took about as long as the compilation (60-120 ms
 * each at a browser's start), which it began only after, and the read of
 * the cache often ended after the lists had come. Both go to the worker as
 * its first messages ({type: HostOp.wasm, module} or {…, error}, and
 * {type: HostOp.startupCache, entry}), the cache's bytes transferred.
 * @returns {Worker}
 */
export function startWorker() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  compileVoile(new URL('../wasm/voile.wasm', import.meta.url)).then(
    module => worker.postMessage({ type: HostOp.wasm, module }),
    err => worker.postMessage({ type: HostOp.wasm, error: err.message }),
  );
  new IdbCache().get().catch(() => null).then(
    entry => worker.postMessage({ type: HostOp.startupCache, entry }, entry ? [entry.bytes.buffer] : []),
  );
  return worker;
}
