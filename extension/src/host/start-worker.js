// Starting the classifier worker: used by the offscreen document in
// Chromium and by the background page in Firefox.

import { compileVoile } from '../wasm/voile.js';
import { HostOp } from '../common/protocol.js';

/**
 * Starts the host worker and compiles voile.wasm for it meanwhile: the
 * worker loads its modules before any of its code runs, and that took
 * about as long as the compilation (60-120 ms each at a browser's start),
 * which it began only after. The compiled module goes to the worker as
 * its first message ({type: HostOp.wasm, module} or {…, error}).
 * @returns {Worker}
 */
export function startWorker() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  compileVoile(new URL('../wasm/voile.wasm', import.meta.url)).then(
    module => worker.postMessage({ type: HostOp.wasm, module }),
    err => worker.postMessage({ type: HostOp.wasm, error: err.message }),
  );
  return worker;
}
