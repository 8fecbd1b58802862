import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClassifierPort, PORT_NAME } from '../src/content/classifier-port.js';

// A stand-in for chrome.runtime: hostUp says whether a host answers ports.
function fakeRuntime() {
  const rt = {
    hostUp: false,
    wakes: 0,
    ports: [],
    lastError: undefined,
    connect({ name }) {
      const listeners = { message: [], disconnect: [] };
      const port = {
        name,
        posted: [],
        onMessage: { addListener: f => listeners.message.push(f) },
        onDisconnect: { addListener: f => listeners.disconnect.push(f) },
        postMessage(msg) {
          if (port.closed) throw new Error('Attempting to use a disconnected port object');
          port.posted.push(msg);
          if (msg.type === 'classify' && rt.hostUp) {
            queueMicrotask(() => listeners.message.forEach(f => f({ type: 'verdicts', id: msg.id, verdicts: msg.texts.map(() => null), ms: 1 })));
          }
        },
        disconnect() { port.closed = true; },
        emit(msg) { listeners.message.forEach(f => f(msg)); },
        drop() { port.closed = true; listeners.disconnect.forEach(f => f()); },
      };
      rt.ports.push(port);
      // No host: the browser closes the port at once.
      if (!rt.hostUp) queueMicrotask(() => port.drop());
      return port;
    },
    sendMessage(msg, cb) {
      if (msg.type === 'wake') { rt.wakes++; rt.hostUp = true; }
      queueMicrotask(() => cb({ ok: true }));
    },
  };
  return rt;
}

const now = f => { f(); return 0; };

test('a page whose host is up gets its verdicts over one port', async () => {
  const rt = fakeRuntime();
  rt.hostUp = true;
  const p = new ClassifierPort({ runtime: rt, opts: { sensitivity: 0.5 } });
  const v = await p.classify(['a', 'b']);
  assert.deepEqual([...v], [null, null]);
  assert.equal(v.hostMs, 1);
  assert.equal(rt.ports.length, 1);
  assert.equal(rt.ports[0].name, PORT_NAME);
  assert.deepEqual(rt.ports[0].posted[0], { type: 'opts', opts: { sensitivity: 0.5 } }, 'options go first');
  await p.classify(['c']);
  assert.equal(rt.ports.length, 1, 'the port is reused');
});

test('when the host is not running the page wakes it and sends its requests again', async () => {
  const rt = fakeRuntime();
  const p = new ClassifierPort({ runtime: rt, opts: {}, setTimeout: now });
  const v = await p.classify(['x', 'y', 'z']);
  assert.equal(v.length, 3);
  assert.equal(rt.wakes, 1);
  assert.equal(rt.ports.length, 2);
  assert.deepEqual(rt.ports[1].posted.map(m => m.type), ['opts', 'classify']);
});

test('a host that never comes back fails the requests, which leaves posts veiled as unchecked', async () => {
  const rt = fakeRuntime();
  rt.sendMessage = (msg, cb) => queueMicrotask(() => cb(undefined)); // the wake does not help
  const p = new ClassifierPort({ runtime: rt, opts: {}, setTimeout: now });
  await assert.rejects(p.classify(['x']), /classifier host unreachable after 6 attempts/);
});

test('new options are sent on the open port; the host can ask for a recheck', async () => {
  const rt = fakeRuntime();
  rt.hostUp = true;
  let rechecks = 0;
  const p = new ClassifierPort({ runtime: rt, opts: {}, onRecheck: () => rechecks++ });
  await p.classify(['a']);
  p.setOpts({ sensitivity: 0.9 });
  assert.deepEqual(rt.ports[0].posted.at(-1), { type: 'opts', opts: { sensitivity: 0.9 } });
  rt.ports[0].emit({ type: 'recheck' });
  assert.equal(rechecks, 1);
});

test('timers are called bare, as browsers require', async () => {
  const rt = fakeRuntime();
  // A timer that, like the browser's, refuses to run as a method of another object.
  function strictTimer(f, ms) { if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation'); return setTimeout(f, ms); }
  const p = new ClassifierPort({ runtime: rt, opts: {}, setTimeout: strictTimer });
  const v = await p.classify(['x']);
  assert.equal(v.length, 1);
});
