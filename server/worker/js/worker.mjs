// The glue between Cloudflare Workers (or workerd) and the Go edge
// program, app.wasm (server/worker, GOOS=js GOARCH=wasm). One Go instance
// serves every request of an isolate: it is started by the first request
// and kept, so a request costs a call into Go, not a new instance (a fresh
// Go runtime per request costs 9-15 ms of CPU). Should the program ever
// exit, the next request starts another.
import "./wasm_exec.js";
import mod from "./app.wasm";

let started = null;

function start() {
  if (!started) {
    started = new Promise((resolve, reject) => {
      globalThis.voileReady = resolve;
      const go = new Go();
      const instance = new WebAssembly.Instance(mod, go.importObject);
      go.run(instance).then(
        () => { started = null; reject(new Error('the edge program exited')); },
        err => { started = null; reject(err); },
      );
    });
  }
  return started;
}

export default {
  async fetch(request, env) {
    await start();
    return globalThis.voileFetch(request, env);
  },
};
