// What the Firefox and WebKit adapters share: a Playwright-shaped page (so tests/web/harness.mjs's helpers drive both), the page's own error log, the servers.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, distDir, screenshotDir } from '../web/harness.mjs';

// WebKit's WebDriver gives no console access, so every HTML page served to the engine suites collects
// its own errors (uncaught errors, rejected promises, console.error) in window.__cpErrors, from its
// first script on. Both engines are checked the same way.
export const errorCollector = '<script>(function(){var l=window.__cpErrors=[];' +
  'addEventListener("error",function(e){l.push("error: "+(e.message||e))});' +
  'addEventListener("unhandledrejection",function(e){var r=e.reason;l.push("unhandled rejection: "+(r&&r.message||r))});' +
  'var c=console.error;console.error=function(){l.push("console.error: "+[].map.call(arguments,String).join(" "));' +
  'return c.apply(console,arguments)}})();</script>';

// dist/ served with the error collector, screenshots' folder made.
export async function startEngineServer(root = distDir) {
  if (!fs.existsSync(path.join(distDir, 'app.wasm'))) throw new Error(`${distDir}/app.wasm missing: build and stage the web app first`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  return startServer(root, { headScript: errorCollector });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The part of Playwright's Page that the cases and harness.mjs use, built on an adapter's few
// primitives: evaluate(fn, arg), screenshot() -> PNG Buffer of the viewport, mouse/keyboard/touch.
// Waiting is polling (every 50 ms) in both engines, so a case waits the same way in each.
export class EnginePage {
  constructor(engine) { this.engine = engine; }

  async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
    const end = Date.now() + timeout;
    let why = '';
    for (;;) {
      // A page (or frame) still loading may throw: that is "not yet", until the timeout.
      const v = await this.evaluate(fn, arg).catch((e) => { why = ` (last error: ${e.message})`; return false; });
      if (v) return { jsonValue: async () => v };
      if (Date.now() > end) throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${String(fn).slice(0, 160)}${why}`);
      await sleep(50);
    }
  }

  waitForTimeout(ms) { return sleep(ms); }

  viewportSize() { return this.viewport; }

  locator(selector) {
    return {
      boundingBox: () => this.evaluate((s) => {
        const e = document.querySelector(s);
        if (!e) return null;
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }, selector),
    };
  }

  textContent(selector) { return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector); }

  isVisible(selector) {
    return this.evaluate((s) => {
      const e = document.querySelector(s);
      if (!e || e.hidden) return false;
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    }, selector);
  }

  // What the page collected (errorCollector), plus what the adapter saw itself (Firefox's console).
  async errors() {
    const own = await this.evaluate(() => window.__cpErrors || ['the error collector is missing']);
    return [...own, ...(this.consoleErrors || [])];
  }

  async screenshot({ path: file } = {}) {
    const png = await this.capture();
    if (file) fs.writeFileSync(file, png);
    return png;
  }
}
