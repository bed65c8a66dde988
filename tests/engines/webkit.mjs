// The WebKit adapter: Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser (Safari's engine) through a small fetch-based W3C WebDriver client.
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import { EnginePage } from './page.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The MiniBrowser of libwebkit2gtk-4.1-0 (dpkg -L gives its path; CP_MINIBROWSER overrides).
function miniBrowser() {
  if (process.env.CP_MINIBROWSER) return process.env.CP_MINIBROWSER;
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const found = files.find((f) => /\/MiniBrowser$/.test(f));
  if (!found) throw new Error('no MiniBrowser in libwebkit2gtk-4.1-0 (apt-get install webkit2gtk-driver)');
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// W3C WebDriver key values for the keys the cases press (anything else is sent as typed).
const KEYS = {
  Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D', Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004',
  Backspace: '\uE003', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
};
const key = (k) => KEYS[k] || k;

export const engine = {
  name: 'webkit',
  // WebKitGTK dispatches WebDriver touch actions as mouse events: no touch in this engine's suite.
  touch: false,
  // MiniBrowser's window is at least 447 px wide (its toolbar): a "phone" is that wide here.
  minWidth: 447,

  async launch() {
    const port = await freePort();
    // A process group of its own: closing it ends the MiniBrowsers it started, even after a failure.
    const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let log = '';
    driver.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; ++i) {
      try { if ((await fetch(`${base}/status`)).ok) break; } catch { /* not listening yet */ }
      if (i > 100) throw new Error(`WebKitWebDriver did not start: ${log}`);
      await sleep(100);
    }
    const binary = miniBrowser();
    const pages = new Set();
    return {
      // One WebDriver session (one MiniBrowser window) per page: pages share nothing, as new contexts
      // do. WebKitWebDriver allows one session at a time: a page must be closed before the next opens.
      newPage: async (options = {}) => {
        const page = new WebKitPage(base);
        pages.add(page);
        await page.start(binary, options);
        return page;
      },
      close: async () => {
        for (const p of pages) await p.close();
        const exited = new Promise((r) => { if (driver.exitCode !== null) r(); else driver.once('exit', r); });
        try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone already */ }
        await Promise.race([exited, sleep(3000)]);
        try { process.kill(-driver.pid, 'SIGKILL'); } catch { /* gone */ }
        driver.stderr.destroy();
      },
    };
  },
};

class WebKitPage extends EnginePage {
  constructor(base) {
    super('webkit');
    this.base = base;
    this.at = { x: 0, y: 0 };
    this.wheels = 0;
    this.mouse = {
      move: (x, y) => { this.at = { x, y }; return this.pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }]); },
      down: () => this.pointer([{ type: 'pointerDown', button: 0 }]),
      up: () => this.pointer([{ type: 'pointerUp', button: 0 }]),
      click: async (x, y) => { await this.mouse.move(x, y); await this.mouse.down(); await this.mouse.up(); },
      // A new wheel input source for every scroll: WebKitWebDriver dispatches only the first
      // scroll of a wheel source (later ones produce no wheel event at all).
      // WebKitWebDriver has also, once in six CI runs, never answered a wheel action (the test hung
      // until node's 180 s limit): after 15 s the scroll is sent once more, on a new source. The case
      // still checks that the page scrolled.
      wheel: async (dx, dy) => {
        const scroll = (timeout) => this.cmd('POST', this.s('/actions'), { actions: [{ type: 'wheel', id: 'wheel' + (++this.wheels), actions: [
          { type: 'scroll', x: Math.round(this.at.x), y: Math.round(this.at.y), deltaX: dx, deltaY: dy, duration: 0, origin: 'viewport' }] }] }, timeout);
        try {
          await scroll(15000);
        } catch (e) {
          if (e.name !== 'TimeoutError') throw e;
          await scroll(15000);
        }
      },
    };
    this.keyboard = {
      down: (k) => this.keys([{ type: 'keyDown', value: key(k) }]),
      up: (k) => this.keys([{ type: 'keyUp', value: key(k) }]),
      press: (k) => this.keys([{ type: 'keyDown', value: key(k) }, { type: 'keyUp', value: key(k) }]),
      type: (text) => this.keys([...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }])),
    };
  }

  // One WebDriver command; `timeout` (ms) makes a driver that never answers an error, not a hang.
  async cmd(method, path, body, timeout = 0) {
    const r = await fetch(this.base + path, {
      method, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: body ? JSON.stringify(body) : undefined,
      signal: timeout ? AbortSignal.timeout(timeout) : undefined,
    });
    const j = await r.json();
    if (j.value && j.value.error) throw new Error(`webkit ${method} ${path}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  }

  s(path) { return `/session/${this.id}${path}`; }

  async start(binary, { viewport = { width: 1280, height: 800 } } = {}) {
    const session = await this.cmd('POST', '/session', { capabilities: { alwaysMatch: {
      browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] },
    } } });
    this.id = session.sessionId;
    // The window's size is set so that the page's viewport (innerWidth x innerHeight) is `viewport`.
    let rect = { width: viewport.width, height: viewport.height };
    for (let i = 0; i < 3; ++i) {
      await this.cmd('POST', this.s('/window/rect'), { x: 0, y: 0, ...rect });
      const inner = await this.evaluate(() => ({ width: innerWidth, height: innerHeight }));
      this.viewport = inner;
      if (inner.width === viewport.width && inner.height === viewport.height) break;
      if (inner.width > viewport.width && viewport.width < engine.minWidth) rect.width = engine.minWidth;
      rect = { width: rect.width + viewport.width - inner.width, height: rect.height + viewport.height - inner.height };
    }
  }

  async goto(url) {
    await this.cmd('POST', this.s('/url'), { url });
    this.viewport = await this.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  }

  // Runs `fn(arg)` in the page (or the frame at `frame`, an index of window.frames); awaits a promise.
  async evaluate(fn, arg, frame = null) {
    if (frame !== null) await this.cmd('POST', this.s('/frame'), { id: frame });
    try {
      const script = 'var done = arguments[arguments.length - 1];\n' +
        'try { Promise.resolve((' + String(fn) + ')(arguments[0])).then(function (v) { done({v: v === undefined ? null : v}); },\n' +
        '  function (e) { done({e: String(e && e.stack || e)}); }); } catch (e) { done({e: String(e && e.stack || e)}); }';
      const r = await this.cmd('POST', this.s('/execute/async'), { script, args: [arg === undefined ? null : arg] });
      if (r && r.e) throw new Error(`webkit evaluate: ${r.e}`);
      return r ? r.v : r;
    } finally {
      if (frame !== null) await this.cmd('POST', this.s('/frame/parent'), {});
    }
  }

  // Runs `fn` with the frame at `index` as WebDriver's current browsing context.
  async inFrame(index, fn) {
    await this.cmd('POST', this.s('/frame'), { id: index });
    try { return await fn(); } finally { await this.cmd('POST', this.s('/frame/parent'), {}); }
  }

  // An iframe of the page (by index), with the page's evaluate/waitForFunction, and shortcut().
  frame(index = 0) {
    const page = this;
    return Object.assign(Object.create(EnginePage.prototype), {
      engine: 'webkit', evaluate: (fn, arg) => page.evaluate(fn, arg, index),
      // WebKitWebDriver sends key actions to the focused element of its current browsing context,
      // not to the frame that has the focus: a frame's keys are sent with that frame selected. And
      // selecting a frame blurs and refocuses the window (SDL then lets go of held keys), so the
      // shortcut is one action sequence, held for `ms`, with nothing evaluated in between.
      shortcut: (modifier, k, ms) => page.inFrame(index, () => page.keys([
        { type: 'keyDown', value: key(modifier) }, { type: 'keyDown', value: key(k) }, { type: 'pause', duration: ms },
        { type: 'keyUp', value: key(k) }, { type: 'keyUp', value: key(modifier) }])),
    });
  }

  actions(list) { return this.cmd('POST', this.s('/actions'), { actions: list }); }
  pointer(steps) { return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: steps }]); }
  keys(steps) { return this.actions([{ type: 'key', id: 'keyboard', actions: steps }]); }

  // The viewport as drawn on the screen. (An element screenshot of a WebGL canvas comes back black
  // in WebKitGTK: crop this one instead, as pngStats(page, png, clip) does.)
  async capture() {
    return Buffer.from(await this.cmd('GET', this.s('/screenshot')), 'base64');
  }

  async close() {
    if (this.id) await this.cmd('DELETE', this.s('')).catch(() => {});
    this.id = null;
  }
}
