// A browser view that Playwright does not list as a page, driven over the
// DevTools protocol: the extension's toolbar popup, opened for the active
// tab with chrome.action.openPopup(). Clicks are real mouse events.

export class View {
  constructor(recorder, sessionId, url) {
    this.recorder = recorder;
    this.sessionId = sessionId;
    this.url = url;
  }

  send(method, params = {}) {
    return this.recorder.send(method, params, this.sessionId);
  }

  /** Runs fn(arg) in the view and returns its (JSON) value. */
  async evaluate(fn, arg) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true, userGesture: true,
    });
    if (exceptionDetails) throw new Error(`in ${this.url}: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
    return result.value;
  }

  /** Waits until fn(arg) is truthy in the view; returns its value. */
  async waitFor(fn, arg, { timeoutMs = 5000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await this.evaluate(fn, arg).catch(() => null);
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`${this.url}: condition not met within ${timeoutMs} ms: ${fn}`);
      await new Promise(r => setTimeout(r, 30));
    }
  }

  /** Clicks the middle of the element selector matches, with the mouse. */
  async click(selector) {
    const box = await this.waitFor(sel => {
      const el = document.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return r.width && r.height ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    }, selector);
    for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
    }
  }

  /** The text of the element selector matches. */
  text(selector) {
    return this.evaluate(sel => document.querySelector(sel)?.textContent ?? null, selector);
  }

  async close() {
    await this.evaluate(() => window.close()).catch(() => {});
  }
}
