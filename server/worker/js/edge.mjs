// The Workers entry of the Go edge program (server/worker, app.wasm). The
// other modules beside it are syumai/workers' glue as its
// workers-assets-gen writes them: wasm_exec.js (Go's), runtime.mjs (the
// runtime context and the wasm module) and worker.mjs (its entry, which
// starts a new Go instance for every request: 10-23 ms of CPU each).
//
// This entry starts the instance the same way, but once per isolate, and
// hands it every request through binding.handleRequest, which
// syumai/workers' Go side sets (the Go side serves with ServeNonBlock and
// Ready and never exits). Shared by the requests of an isolate: the
// runtime context, with the isolate's env (Workers gives every request of
// an isolate the same env). Not shared, because there is none to share:
// the per-request ExecutionContext; the context holds no ctx, so
// cloudflare.WaitUntil and PassThroughOnException, which the edge does
// not use, would fail rather than act on another request. Should the
// program exit, the next request starts another instance.
import "./wasm_exec.js";
import "./worker.mjs"; // for globalThis.tryCatch, which the Go side calls
import { createRuntimeContext, loadModule } from "./runtime.mjs";

let started = null; // a promise of the instance's binding
let go = null;

function start(env) {
  // An exit is seen here, not through go.run's promise: that promise
  // belongs to the request that started the instance, and Workers drops
  // its continuations once that request is done.
  if (started && go && go.exited) {
    started = null;
  }
  if (!started) {
    go = new Go();
    started = (async () => {
      const mod = await loadModule();
      const binding = {};
      let ready;
      const readyPromise = new Promise((resolve) => { ready = resolve; });
      const instance = new WebAssembly.Instance(mod, {
        ...go.importObject,
        workers: { ready: () => ready() },
      });
      const exited = go.run(instance, createRuntimeContext({ env, ctx: undefined, binding })).then(
        () => { throw new Error("the edge program exited"); },
      );
      await Promise.race([readyPromise, exited]);
      return binding;
    })();
    started.catch(() => { started = null; });
  }
  return started;
}

export default {
  async fetch(req, env) {
    const binding = await start(env);
    return binding.handleRequest(req);
  },
};
