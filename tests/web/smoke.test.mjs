// Browser smoke tests: dist/ in headless Debian Chromium draws frames, shows no errors, fills the aria-live layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSuite, pngStats, screenshotDir } from './harness.mjs';

let server;
let browser;
let desktop;  // one 1280x900 page shared by the tests that only look (each page load costs seconds)

useSuite((started) => ({ server, browser } = started), () => desktop?.context.close());

// Opens the page, collects console errors and waits until the app has drawn `frames` frames.
async function openApp(viewport, deviceScaleFactor, query = '', frames = 4) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + query);
  await page.waitForFunction((n) => (window.Module && window.Module.cpFrames) >= n || document.body.classList.contains('cp-failed'),
                             frames, { timeout: 30000 });
  const failure = await page.evaluate(() => document.body.classList.contains('cp-failed') &&
                                             document.getElementById('loading-status').textContent);
  assert.equal(failure, false, `the page reported a failure: ${failure}`);
  return { context, page, errors };
}

async function checkFigure(page, name) {
  // What the reader sees of it: on a phone the canvas is as tall as the figure and runs below the screen.
  const box = await page.locator('#canvas').boundingBox();
  const view = page.viewportSize();
  const top = Math.max(0, box.y), bottom = Math.min(view.height, box.y + box.height);
  assert.ok(bottom - top > 100, `${name}: the canvas is not on the screen (${JSON.stringify(box)})`);
  const png = await page.screenshot({ path: path.join(screenshotDir, `${name}.png`),
                                      clip: { x: box.x, y: top, width: box.width, height: bottom - top } });
  const stats = await pngStats(page, png);
  // An ImGui UI with anti-aliased text has hundreds of colours; a blank or one-colour canvas has few.
  assert.ok(stats.colours >= 32, `${name}: only ${stats.colours} distinct colours (blank canvas?)`);
  assert.ok(stats.variance > 10, `${name}: luminance variance ${stats.variance.toFixed(1)} (blank canvas?)`);
  const sizes = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, dpr: devicePixelRatio,
             overlayHidden: document.getElementById('loading').hidden };
  });
  // HiDPI: backing store = CSS size x devicePixelRatio (crisp text), within rounding.
  assert.ok(Math.abs(sizes.w - Math.floor(sizes.cssW) * sizes.dpr) <= sizes.dpr + 1, `canvas width ${JSON.stringify(sizes)}`);
  assert.ok(Math.abs(sizes.h - Math.floor(sizes.cssH) * sizes.dpr) <= sizes.dpr + 1, `canvas height ${JSON.stringify(sizes)}`);
  assert.ok(sizes.overlayHidden, 'loading overlay still shown after the first frame');
  return sizes;
}

test('desktop: loads, draws frames, no console errors, figure not blank', async () => {
  desktop = await openApp({ width: 1280, height: 900 }, 1);
  const { page, errors } = desktop;
  const webgl2 = await page.evaluate(() => !!window.Module.ctx && window.Module.ctx instanceof WebGL2RenderingContext);
  assert.ok(webgl2, 'the app is not drawing with WebGL2');
  const before = await page.evaluate(() => window.Module.cpFrames);
  await page.waitForTimeout(500);
  const afterFrames = await page.evaluate(() => window.Module.cpFrames);
  assert.ok(afterFrames > before, `the main loop stopped (${before} -> ${afterFrames} frames)`);
  await checkFigure(page, 'web-desktop');
  assert.deepEqual(errors, []);
});

test('an idle figure draws nothing; input and calls from the page draw again', async () => {
  const { page, errors } = desktop;
  const counts = () => page.evaluate(() => ({ ticks: window.Module.cpFrames, drawn: window.Module.cpDrawn }));
  // Settled: the loop goes on (ticks) but nothing is drawn (a phone's tall canvas costs nothing idle).
  await page.mouse.move(5, 5);
  await page.waitForTimeout(400);
  const idle = await counts();
  await page.waitForTimeout(400);
  const later = await counts();
  assert.ok(later.ticks > idle.ticks + 5, `the main loop stopped (${idle.ticks} -> ${later.ticks})`);
  assert.equal(later.drawn, idle.drawn, 'frames were drawn while nothing changed');
  // A mouse move draws; so does a change made by the page (the embed API, links).
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((d) => window.Module.cpDrawn > d, later.drawn, { timeout: 5000 });
  await page.mouse.move(5, 5);
  await page.waitForTimeout(400);
  const settled = await counts();
  const ratio = await page.evaluate(() => window.ComputePoverty.last.outcomes.compute_ratio);
  assert.equal(await page.evaluate(() => window.ComputePoverty.applyPermalink('v=1&s=today&export_controls=1')), '');
  await page.waitForFunction((d) => window.Module.cpDrawn > d, settled.drawn, { timeout: 5000 });
  await page.waitForFunction((r) => window.ComputePoverty.last.outcomes.compute_ratio !== r, ratio, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.ComputePoverty.applyPermalink('v=1&s=today')), '');
  assert.deepEqual(errors, []);
});

test('mouse wheel over the figure scrolls the page unless a panel under the mouse can scroll further', async () => {
  assert.ok(desktop, 'needs the desktop page');
  const { page, errors } = desktop;
  const probes = [[0.02, 0.03], [0.5, 0.03], [0.15, 0.5], [0.6, 0.6]];
  const outcomes = [];
  for (const [fx, fy] of probes) {
    // The canvas at the top of the viewport, the mouse over the probe point.
    await page.evaluate(() => document.getElementById('canvas').scrollIntoView({ block: 'start' }));
    const y0 = await page.evaluate(() => window.scrollY);
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    // Two frames later ImGui knows which window is under the mouse.
    const n = await page.evaluate(() => window.Module.cpFrames);
    await page.waitForFunction((m) => window.Module.cpFrames >= m + 2, n, { timeout: 10000 });
    const wanted = await page.evaluate(() => typeof window.Module._cp_web_wheel_wanted === 'function' &&
                                             window.Module._cp_web_wheel_wanted(200) !== 0);
    await page.mouse.wheel(0, 200);
    if (!wanted) {
      const moved = await page.waitForFunction((y) => window.scrollY > y, y0, { timeout: 3000 }).then(() => true, () => false);
      assert.ok(moved, `wheel at (${fx}, ${fy}) over a non-scrolling part of the figure did not scroll the page`);
    } else {
      const m = await page.evaluate(() => window.Module.cpFrames);
      await page.waitForFunction((k) => window.Module.cpFrames >= k + 3, m, { timeout: 10000 });
      assert.equal(await page.evaluate(() => window.scrollY), y0,
                   `wheel at (${fx}, ${fy}) scrolled the page although a panel there scrolls`);
    }
    outcomes.push(wanted);
  }
  // Never a trap: where a panel scrolls, the page takes over once the panel has reached its end.
  if (!outcomes.includes(false)) {
    await page.evaluate(() => document.getElementById('canvas').scrollIntoView({ block: 'start' }));
    const y0 = await page.evaluate(() => window.scrollY);
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    let moved = false;
    for (let i = 0; i < 40 && !moved; ++i) {
      await page.mouse.wheel(0, 400);
      const m = await page.evaluate(() => window.Module.cpFrames);
      await page.waitForFunction((k) => window.Module.cpFrames >= k + 2, m, { timeout: 10000 });
      moved = await page.evaluate((y) => window.scrollY > y, y0);
    }
    assert.ok(moved, 'the wheel over the figure never reached the page (scroll trap)');
  }
  await page.mouse.move(0, 0);
  assert.deepEqual(errors, []);
});

test('aria-live outcome layer gets data-outcome elements', async (t) => {
  assert.ok(desktop, 'needs the desktop page');
  const { page } = desktop;
  const called = await page.waitForFunction(() => document.querySelectorAll('#outcomes [data-outcome]').length > 0,
                                            null, { timeout: 5000 }).then(() => true, () => false);
  if (!called && !(await page.evaluate(() => !!window.ComputePoverty.last))) {
    t.skip('the app has not called window.ComputePoverty.onOutcomes yet');
    return;
  }
  const outcomes = await page.evaluate(() => [...document.querySelectorAll('#outcomes [data-outcome]')].map(
      (e) => ({ name: e.dataset.outcome, value: e.dataset.value, text: e.textContent })));
  assert.ok(outcomes.length > 0);
  for (const o of outcomes) {
    assert.ok(o.value === '' || Number.isFinite(Number(o.value)), `data-value of ${o.name} is ${o.value}`);
    assert.ok(o.text.length > 0);
  }
  const live = await page.getAttribute('#outcomes', 'aria-live');
  assert.equal(live, 'polite');
  // The real app's text for an outcome in powers of ten: a caret in the page's text (the canvas
  // draws superscripts), placed as the app wrote it.
  const flop = await page.evaluate(() => ({
    text: window.ComputePoverty.last.texts['frontier.largest_training_run_flop'],
    item: document.querySelector('#outcomes-detail [data-outcome="frontier.largest_training_run_flop"]')?.textContent }));
  assert.match(flop.text, /^\d\.\d \u00d7 10\^2\d$/);
  assert.equal(flop.item, `Frontier: largest training run flop: ${flop.text}`);
});

// Last on the desktop page (it changes that page's ratio for good), which it then closes.
test('a new devicePixelRatio (browser zoom) resizes the backing store and rebuilds the fonts', async () => {
  assert.ok(desktop, 'needs the desktop page');
  const { context, page, errors } = desktop;
  desktop = null;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 800, height: 600, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => devicePixelRatio === 2 && document.getElementById('canvas').width >=
                             2 * Math.floor(document.getElementById('canvas').getBoundingClientRect().width) - 2,
                             null, { timeout: 10000 });
  const n = await page.evaluate(() => window.Module.cpFrames);
  await page.waitForFunction((m) => window.Module.cpFrames >= m + 3, n, { timeout: 10000 });
  const sizes = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, cssW: Math.floor(c.getBoundingClientRect().width), dpr: devicePixelRatio };
  });
  assert.equal(sizes.dpr, 2);
  assert.ok(Math.abs(sizes.w - 2 * sizes.cssW) <= 3, `canvas ${sizes.w} px for ${sizes.cssW} CSS px at ratio 2`);
  // Playwright's own screenshot would reset the emulated ratio, so capture through CDP.
  const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
  const png = Buffer.from(shot.data, 'base64');
  fs.writeFileSync(path.join(screenshotDir, 'web-zoom-dpr2.png'), png);
  const stats = await pngStats(page, png);
  assert.ok(stats.colours >= 32, `only ${stats.colours} colours after the ratio change`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone, devicePixelRatio 3: canvas is full width, taller than wide, backing store scaled', async () => {
  const { context, page, errors } = await openApp({ width: 390, height: 844 }, 3);
  const sizes = await checkFigure(page, 'web-phone-dpr3');
  assert.ok(Math.abs(sizes.cssW - 390) <= 1, `canvas CSS width ${sizes.cssW} on a 390 px screen`);
  assert.ok(sizes.cssH > sizes.cssW * 1.3, `canvas CSS height ${sizes.cssH} should exceed its width`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bridge places the app\'s texts: the headline numbers first (captions), then the rest', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/app.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));  // bridge only
  await page.goto(server.url);
  const items = await page.evaluate(() => {
    window.ComputePoverty.onOutcomes(JSON.stringify({
      year: 2030, sentence: 'Test sentence.',
      numbers: [{ outcome: 'compute_ratio', value: 0.1234, text: '12%', caption: 'of the frontier\'s usable compute' },
                { outcome: 'years_behind', value: 3.14, text: '3.1 years', caption: 'behind in the largest training run' }],
      outcomes: { compute_ratio: 0.1234, years_behind: 3.14, leverage_share: 0.05, largest_run_flop: 3.6e25 },
      // The app writes every number and label (format.h); the page places them as given.
      texts: { compute_ratio: '12%', years_behind: '3.1 years', leverage_share: '5%', largest_run_flop: '3.6 \u00d7 10^25' },
      labels: { compute_ratio: 'Compute ratio', years_behind: 'Years behind', leverage_share: 'Leverage share',
                largest_run_flop: 'Largest run flop' },
      outcome_item: '{label}: {value}', params: {}, hash: 'v=1&s=today' }));
    const read = (sel) => [...document.querySelectorAll(sel + ' [data-outcome]')].map((e) => [e.dataset.outcome, e.dataset.value, e.textContent]);
    return { live: read('#outcomes'), detail: read('#outcomes-detail') };
  });
  assert.deepEqual(items.live, [
    ['compute_ratio', '0.1234', '12% of the frontier\'s usable compute'],
    ['years_behind', '3.14', '3.1 years behind in the largest training run'],
  ]);
  assert.deepEqual(items.detail, [
    ['leverage_share', '0.05', 'Leverage share: 5%'],
    ['largest_run_flop', '3.6e+25', 'Largest run flop: 3.6 \u00d7 10^25'],
  ]);
  assert.match(await page.textContent('#outcomes'), /2030: Test sentence\./);
  // The first outcomes are the state the page opened with: the address bar is left alone.
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => location.hash), '');
  await context.close();
});

test('without WebAssembly the page says so instead of failing silently', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(server.url);
  const text = await page.textContent('#loading-status');
  assert.match(text, /needs WebAssembly/);
  assert.equal(await page.isVisible('#loading'), true);
  await context.close();
});

test('a failed download is explained on the page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/app.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.classList.contains('cp-failed'), null, { timeout: 15000 });
  assert.match(await page.textContent('#loading-status'), /could not be loaded/);
  await context.close();
});
