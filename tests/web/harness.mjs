// Shared by the browser smoke tests and the web benchmark: a static server for dist/ and a headless Debian Chromium.
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = process.env.CP_DIST_DIR || path.join(repoRoot, 'dist');
export const screenshotDir = path.join(repoRoot, 'build', 'screenshots');

// WebGL2 in headless Chromium needs SwiftShader; the networking flags keep it quiet on a closed network.
export const chromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

const mimeTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.otf': 'font/otf',
};

// Serves `root` on 127.0.0.1 at a free port; wasm as application/wasm (needed for streaming compilation).
// `headScript`, if given, is put first in every HTML page's <head> (tests/engines: WebDriver has no
// console access, so the page collects its own errors).
export async function startServer(root = distDir, { headScript = '' } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    let body = fs.readFileSync(file);
    if (headScript && file.endsWith('.html')) body = Buffer.from(body.toString('utf8').replace(/<head>/i, '$&' + headScript));
    res.writeHead(200, {
      'Content-Type': mimeTypes[path.extname(file)] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

// What every browser suite starts with: the staged page must exist, screenshots have a folder, and a
// server and a browser are running. Returns {server, browser}.
export async function startSuite() {
  assert(fs.existsSync(path.join(distDir, "app.wasm")), `${distDir}/app.wasm missing: build and stage the web app first`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  return { server: await startServer(), browser: await launchChromium() };
}

// The same for a test file: starts the suite before its tests and hands {server, browser} to `set`
// (awaited: it may open pages); after them, `closing` (the file's own pages), then both are closed.
export function useSuite(set, closing = null) {
  let started;
  before(async () => {
    started = await startSuite();
    await set(started);
  });
  after(async () => {
    await closing?.();
    await started?.browser?.close();
    await started?.server?.close();
  });
}

export async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CP_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}

// Pixel statistics of a PNG screenshot, decoded in the page itself (no image library needed).
// `clip` ({x, y, width, height} in CSS px of a viewport screenshot) looks at that part only.
export async function pngStats(page, pngBuffer, clip = null) {
  return page.evaluate(async ([b64, clip]) => {
    const blob = await (await fetch('data:image/png;base64,' + b64)).blob();
    const bmp = await createImageBitmap(blob);
    const s = clip ? bmp.width / window.innerWidth : 1;  // device px per CSS px of the screenshot
    const r = clip ? { x: Math.round(clip.x * s), y: Math.round(clip.y * s), w: Math.round(clip.width * s), h: Math.round(clip.height * s) }
                   : { x: 0, y: 0, w: bmp.width, h: bmp.height };
    const c = new OffscreenCanvas(r.w, r.h);
    const ctx = c.getContext('2d');
    ctx.drawImage(bmp, r.x, r.y, r.w, r.h, 0, 0, r.w, r.h);
    const d = ctx.getImageData(0, 0, r.w, r.h).data;
    const colours = new Set();
    let sum = 0, sumSq = 0;
    for (let i = 0; i < d.length; i += 4) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      const l = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      sum += l;
      sumSq += l * l;
    }
    const n = d.length / 4;
    return { width: r.w, height: r.h, colours: colours.size, variance: sumSq / n - (sum / n) ** 2 };
  }, [pngBuffer.toString('base64'), clip]);
}

// Opens `url` in a new context, collects console errors and waits until the app has drawn `frames`
// frames (or reported a failure). Options go to browser.newContext (viewport, deviceScaleFactor, hasTouch...).
// Four frames: the first publishes the figure's height, the second is drawn at the size the page
// then gives the canvas (web/fit.js); each frame costs up to half a second in software GL.
export async function openApp(browser, url, contextOptions = {}, frames = 4) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitFrames(page, frames);
  return { context, page, errors };
}

// Waits until the app has drawn `n` frames in total (or the page reported a failure).
export async function waitFrames(page, n) {
  await page.waitForFunction((k) => (window.Module && window.Module.cpFrames) >= k ||
                              document.body.classList.contains('cp-failed'), n, { timeout: 30000 });
}

// Waits for `n` more frames from now.
export async function nextFrames(page, n = 2) {
  const now = await page.evaluate(() => window.Module.cpFrames);
  await page.waitForFunction((k) => window.Module.cpFrames >= k, now + n, { timeout: 10000 });
}

// The control rects of the last frame (CSS px of the canvas), by name, through cp_web_control_rects.
export async function controlRects(page) {
  const list = await page.evaluate(() => JSON.parse(window.Module.ccall('cp_web_control_rects', 'string', [], [])));
  return Object.fromEntries(list.map((r) => [r.name, r]));
}

// Stops and restarts a page's main loop: a page kept for later tests would otherwise draw (in
// software GL) all the while other pages load, and both would crawl on two cores.
export async function pauseApp(page) {
  await page.evaluate(() => window.Module && window.Module.pauseMainLoop && window.Module.pauseMainLoop());
}
export async function resumeApp(page) {
  await page.evaluate(() => window.Module && window.Module.resumeMainLoop && window.Module.resumeMainLoop());
  await nextFrames(page, 2);
}

// Where chart `name` (as in `cp_app --save-chart`) was drawn, in CSS px of the canvas, asked of the app.
export async function chartRect(page, name) {
  const known = await page.evaluate((n) => window.Module.ccall('cp_web_locate_chart', 'number', ['string'], [n]), name);
  assert(known === 1, `the app has no chart called "${name}"`);
  const handle = await page.waitForFunction(() => window.Module.ccall('cp_web_located_chart', 'string', [], []), null,
                                            { timeout: 10000 });
  return JSON.parse(await handle.jsonValue());
}

// The exact value the text layer shows for an outcome (data-value), or NaN.
export async function outcomeValue(page, name) {
  return page.evaluate((n) => {
    const e = document.querySelector(`#outcomes [data-outcome="${n}"], #outcomes-detail [data-outcome="${n}"]`);
    return e ? Number(e.getAttribute('data-value')) : NaN;
  }, name);
}

// Page coordinates of the point at fraction (fx, fy) of control `name`, scrolled into view first.
export async function controlPoint(page, name, fx, fy = 0.5) {
  let rects = await controlRects(page);
  assert(rects[name], `no control "${name}" drawn (have: ${Object.keys(rects).join(', ')})`);
  const box = await page.locator('#canvas').boundingBox();
  const r = rects[name];
  const y = box.y + r.y + r.h * fy;
  const viewport = page.viewportSize();
  if (y < 0 || y > viewport.height) {
    await page.evaluate((dy) => window.scrollBy(0, dy), y - viewport.height / 2);
    await nextFrames(page, 2);
    return controlPoint(page, name, fx, fy);
  }
  return { x: box.x + r.x + r.w * fx, y };
}

// Drags slider `key` from fraction `from` to `to` of its width: many small moves, a frame apart, like a
// hand; then waits for the text layer to settle.
export async function dragSlider(page, key, from, to) {
  const a = await controlPoint(page, key, from);
  const b = await controlPoint(page, key, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await nextFrames(page, 2);
  for (let i = 1; i <= 10; ++i) {
    await page.mouse.move(a.x + (b.x - a.x) * i / 10, a.y);
    await nextFrames(page, 1);
  }
  await page.mouse.up();
  await nextFrames(page, 3);
  await page.evaluate(() => window.ComputePoverty.flushText());
}

// The figure's open text box (its value, selection and what it belongs to), or null.
export const textField = (page) => page.evaluate(() => {
  const s = window.Module.ccall('cp_web_text_field', 'string', [], []);
  return s ? JSON.parse(s) : null;
});

// Ctrl+click on slider `key` at fraction `at` of its width; waits for its text box.
export async function ctrlClick(page, key, at = 0.1) {
  const p = await controlPoint(page, key, at);
  await page.keyboard.down('Control');
  await page.mouse.click(p.x, p.y);
  await nextFrames(page, 2);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => window.Module.ccall('cp_web_text_field', 'string', [], []) !== '', null, { timeout: 5000 });
  return textField(page);
}

// A key held over two frames, as a hand holds it (ImGui 1.86 misses a key that goes down and up
// between two frames, which a scripted press in software GL does); with `modifier` held around it.
export async function hold(page, key, modifier = null) {
  if (modifier) await page.keyboard.down(modifier);
  await page.keyboard.down(key);
  await nextFrames(page, 2);
  await page.keyboard.up(key);
  if (modifier) await page.keyboard.up(modifier);
  await nextFrames(page, 2);
}

// The value of lever `key` in the app's last outcomes.
export const leverValue = (page, key) => page.evaluate((k) => window.ComputePoverty.last.params[k], key);

// Ctrl+V into slider `key`'s text box, opened by a Ctrl+click at fraction `at` of its width, with `text`
// on the system clipboard (each suite puts it there its own way): the lever takes `value` at once, the
// box shows `text`, and Enter puts the value in the link within `linkTimeout` ms.
export async function pasteAccepted(page, key, at, text, value, linkTimeout = 5000) {
  await ctrlClick(page, key, at);
  await hold(page, 'v', 'Control');
  await page.waitForFunction(([k, v]) => window.ComputePoverty.last.params[k] === v, [key, value], { timeout: 5000 });
  assert.equal((await textField(page)).text, text);
  await hold(page, 'Enter');
  await page.waitForFunction(([k, v]) => new URLSearchParams(location.hash.slice(1)).get(k) === v,
                             [key, String(value)], { timeout: linkTimeout });
}

// The same with a `text` the figure refuses, its message matching `why`: the message is shown under the
// figure and is the app's, and the text box, the lever (`value`, before and after Enter) and the
// address bar (`hash`) keep what they had.
export async function pasteRefused(page, key, text, why, { value, hash }) {
  const field = await ctrlClick(page, key, 0.5);
  await hold(page, 'v', 'Control');
  await page.waitForFunction((w) => new RegExp(w).test(document.getElementById('figure-message').textContent), why.source,
                             { timeout: 5000 });
  assert.match(await page.evaluate(() => window.Module.ccall('cp_web_message', 'string', [], [])), why, text);
  assert.equal(await page.isVisible('#figure-message'), true, `${text}: the message is not shown under the figure`);
  assert.equal((await textField(page)).text, field.text, `${text}: the text box changed`);
  assert.equal(await leverValue(page, key), value, `${text}: the lever changed`);
  await hold(page, 'Enter');
  await nextFrames(page, 2);
  assert.equal(await leverValue(page, key), value, `${text}: the lever changed`);
  assert.equal(await page.evaluate(() => location.hash), hash, `${text}: the link changed`);
}

// A host blog page around an embed: `body` (the iframe and the blog's text around it), then a recorder
// of what the iframe posts from `appOrigin` (window.received) and window.send(m), which posts m to it.
export function hostBlogPage(appOrigin, body) {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host blog</title></head>
<body style="margin:0;font:18px sans-serif">${body}
<script>
  window.received = [];
  window.addEventListener('message', function (e) {
    if (e.origin === ${JSON.stringify(appOrigin)} && e.source === document.querySelector('iframe').contentWindow) window.received.push(e.data);
  });
  window.send = function (m) { document.querySelector('iframe').contentWindow.postMessage(m, ${JSON.stringify(appOrigin)}); };
</script></body></html>`;
}
