// Browser tests of the page around the figure: sliders by mouse, permalinks, hostile links, text layer, exports, keyboard, context loss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useSuite, pngStats, distDir, screenshotDir, openApp, nextFrames, controlPoint, outcomeValue, pauseApp, resumeApp,
  chartRect, dragSlider,
} from './harness.mjs';

let server;
let browser;
let main;  // one 1100x800 page shared by the tests that drive the figure in turn
let phone;  // a 360x740 touch phone, for the phone tests and the article
let defaults;  // its state as it opened (no link): what a refused link must leave

useSuite((started) => ({ server, browser } = started), async () => {
  await main?.context.close();
  await phone?.context.close();
});

const hashParam = (hash, key) => new URLSearchParams(hash.replace(/^#/, '')).get(key);


test('dragging export controls with the mouse: compute ratio falls as controls tighten, address bar follows', async () => {
  main = await openApp(browser, server.url, { viewport: { width: 1100, height: 800 } });
  const { page, errors } = main;
  assert.equal(await page.evaluate(() => location.hash), '', 'the address bar changed before the reader did anything');
  defaults = await page.evaluate(() => ({ hash: window.ComputePoverty.last.hash,
                                          ratio: window.ComputePoverty.last.outcomes.compute_ratio }));
  const initial = await outcomeValue(page, 'compute_ratio');
  assert.ok(initial > 0 && initial < 1, `compute_ratio ${initial}`);

  await dragSlider(page, 'export_controls', 0.75, 0.05);
  await page.waitForFunction(() => /export_controls=/.test(location.hash), null, { timeout: 3000 });
  const loose = Number(hashParam(await page.evaluate(() => location.hash), 'export_controls'));
  const looseRatio = await outcomeValue(page, 'compute_ratio');
  await dragSlider(page, 'export_controls', 0.05, 0.6);
  await page.waitForFunction((v) => Number(new URLSearchParams(location.hash.slice(1)).get('export_controls')) > v + 0.2,
                             loose, { timeout: 3000 });
  const tight = Number(hashParam(await page.evaluate(() => location.hash), 'export_controls'));
  const tightRatio = await outcomeValue(page, 'compute_ratio');
  assert.ok(loose < 0.2 && tight > 0.4 && tight < 0.8, `slider values ${loose} then ${tight}`);
  assert.ok(tightRatio < looseRatio, `compute ratio ${looseRatio} at controls ${loose}, ${tightRatio} at ${tight}: should fall`);
  // The address bar holds exactly the app's state.
  const last = await page.evaluate(() => window.ComputePoverty.last.hash);
  assert.equal(await page.evaluate(() => location.hash.slice(1)), last);
  assert.match(last, /^v=2&/);
  // The numbers in the article's prose follow the figure.
  const prose = await page.evaluate(() => [document.querySelector('[data-live="compute_ratio"]').textContent,
                                           window.ComputePoverty.last.numbers[0].text]);
  assert.equal(prose[0], prose[1]);
  await page.screenshot({ path: path.join(screenshotDir, 'web-page-after-drag.png') });
  assert.deepEqual(errors, []);
});

test('permalink round trip: the address bar opened in a new page shows the same numbers', async () => {
  assert.ok(main, 'needs the main page');
  const hash = await main.page.evaluate(() => location.hash);
  assert.match(hash, /export_controls=/);
  const want = await outcomeValue(main.page, 'compute_ratio');
  await pauseApp(main.page);
  const other = await openApp(browser, server.url + hash, { viewport: { width: 900, height: 700 } });
  assert.equal(await outcomeValue(other.page, 'compute_ratio'), want);
  assert.equal(await other.page.evaluate(() => window.ComputePoverty.last.hash), hash.slice(1));
  assert.equal(await other.page.isVisible('#figure-message'), false);
  assert.deepEqual(other.errors, []);
  await other.context.close();
  await resumeApp(main.page);
});

test('a new hash while the page is open is applied once, with no replaceState loop', async () => {
  const { page } = main;
  await page.evaluate(() => {
    window.__replaceCalls = 0;
    const orig = history.replaceState.bind(history);
    history.replaceState = (...a) => { window.__replaceCalls++; return orig(...a); };
  });
  await page.evaluate(() => { location.hash = 'v=1&s=full_denial'; });
  await page.waitForFunction(() => window.ComputePoverty.last.scenario === 'full_denial', null, { timeout: 5000 });
  await page.waitForTimeout(1200);
  const calls = await page.evaluate(() => window.__replaceCalls);
  assert.ok(calls <= 1, `${calls} replaceState calls after one hashchange`);
  assert.equal(await page.evaluate(() => location.hash.slice(1)), await page.evaluate(() => window.ComputePoverty.last.hash));
  // The section buttons of the article apply their links the same way.
  for (const link of await page.$$eval('[data-permalink]', (b) => b.map((e) => e.getAttribute('data-permalink')))) {
    const err = await page.evaluate((l) => window.ComputePoverty.applyPermalink(l), link);
    assert.equal(err, '', `section link ${link}: ${err}`);
  }
  await page.click('button[data-permalink="v=1&s=oil_world"]');
  await page.waitForFunction(() => window.ComputePoverty.last.scenario === 'oil_world', null, { timeout: 5000 });
});

test('hostile or broken links show the app\'s message and leave the defaults', async () => {
  assert.ok(defaults, 'needs the state the main page opened with');
  const hostile = ['#v=1&export_controls=5', '#%3Cscript%3Ealert(1)%3C/script%3E', '#v=1&s=today&x=' + 'a'.repeat(10 * 1024)];
  await pauseApp(main.page);
  for (const hash of hostile) {
    const { context, page, errors } = await openApp(browser, server.url + hash, { viewport: { width: 800, height: 600 } }, 2);
    const label = hash.slice(0, 40);
    await page.waitForFunction(() => !document.getElementById('figure-message').hidden, null, { timeout: 5000 });
    assert.match(await page.textContent('#figure-message'), /could not be used/, label);
    const app = await page.evaluate(() => window.Module.ccall('cp_web_message', 'string', [], []));
    assert.match(app, /could not be used/, `${label}: the figure itself shows no message`);
    const now = await page.evaluate(() => ({ hash: window.ComputePoverty.last.hash,
                                             ratio: window.ComputePoverty.last.outcomes.compute_ratio }));
    assert.deepEqual(now, defaults, `${label}: the state changed`);
    assert.equal(await page.evaluate(() => document.querySelector('script:not([src])')), null);
    if (hash === hostile[0]) await page.screenshot({ path: path.join(screenshotDir, 'web-hostile-link.png') });
    assert.deepEqual(errors, [], label);
    await context.close();
  }
  // The same through hashchange on an open page: refused whole, state kept.
  const { page } = main;
  await resumeApp(page);
  const before = await page.evaluate(() => window.ComputePoverty.last.hash);
  for (const hash of ['v=1&s=today&export_controls=0.2&privacy_law=7', '%E0%A4%A', 'v=99&s=today', 'v=1&s=../../etc']) {
    await page.evaluate(() => { const m = document.getElementById('figure-message'); m.hidden = true; m.textContent = ''; });
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction(() => !document.getElementById('figure-message').hidden, null, { timeout: 5000 });
    assert.match(await page.textContent('#figure-message'), /could not be used/, hash);
    await nextFrames(page, 2);
    assert.equal(await page.evaluate(() => window.ComputePoverty.last.hash), before, hash);
  }
});

test('link versions: a v=1 link opens the same state, said in v=2; one with v=2 keys is refused', async () => {
  const { page } = main;
  const saved = 'v=1&s=cloud_loophole&export_controls=0.8&year=2031&view=dark_advanced';  // a link saved before v=2
  // The page hands links to the app as they are (decoded); the app reads every version.
  assert.equal(await page.evaluate(() => window.ComputePoverty.decodeHash('#v=2&s=today%26x')), 'v=2&s=today&x');
  const err = await page.evaluate((h) => window.ComputePoverty.applyPermalink(h), '#' + saved);
  assert.equal(err, '');
  // The figure publishes its state after the next frame it draws: the same state, said in v=2.
  await page.waitForFunction(() => window.ComputePoverty.last.year === 2031, null, { timeout: 5000 });
  const last = await page.evaluate(() => window.ComputePoverty.last);
  assert.equal(last.params.export_controls, 0.8);
  assert.equal(last.policy_year, 2026);
  assert.deepEqual(last.steps, { export_controls: [], cloud_denial: [], privacy_law: [] });
  assert.equal(last.hash, 'v=2&s=cloud_loophole&export_controls=0.8&year=2031&view=dark_advanced');
  // A v=1 link with v=2's keys was refused when v=1 was current, and still is.
  const refused = await page.evaluate((h) => window.ComputePoverty.applyPermalink(h), 'v=1&s=today&cloud_denial@2028=1');
  assert.match(refused, /not part of v=1 links/);
});

test('a v=2 link with a step: outcomes and text layer follow the step, the address bar keeps it after an edit', async () => {
  await pauseApp(main.page);
  const { context, page, errors } = await openApp(browser, server.url + '#v=2&s=today&cloud_denial@2028=1',
                                                  { viewport: { width: 1100, height: 800 } });
  const opened = await page.evaluate(() => window.ComputePoverty.last);
  assert.deepEqual(opened.steps.cloud_denial, [{ year: 2028, value: 1 }]);
  assert.equal(opened.policy_year, 2026);
  assert.equal(opened.year, 2030);
  assert.match(await page.textContent('#outcomes .outcome-plan'), /Cloud denial 100% from 2028/);
  const withStep = await outcomeValue(page, 'years_behind');

  // An edit elsewhere: the address bar follows it and still carries the step.
  await dragSlider(page, 'privacy_law', 0.6, 0.9);
  await page.waitForFunction(() => /privacy_law=/.test(location.hash), null, { timeout: 3000 });
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#v=2&s=today&privacy_law=[0-9.]+&cloud_denial@2028=1$/);
  const edited = await outcomeValue(page, 'years_behind');

  // Pressing the step's chip removes it: the gap in 2030 shrinks, and the link and the words follow.
  const chip = await controlPoint(page, 'step:cloud_denial:2028', 0.5);
  await page.mouse.move(chip.x, chip.y);
  await page.mouse.down();
  await nextFrames(page, 2);
  await page.mouse.up();
  await page.waitForFunction(() => window.ComputePoverty.last.steps.cloud_denial.length === 0, null, { timeout: 5000 });
  await page.evaluate(() => window.ComputePoverty.flushText());
  const without = await outcomeValue(page, 'years_behind');
  assert.ok(withStep > without && edited > without, `years behind in 2030: ${withStep} and ${edited} with the step, ${without} without`);
  await page.waitForFunction(() => !/@2028/.test(location.hash), null, { timeout: 3000 });
  assert.doesNotMatch(await page.textContent('#outcomes .outcome-plan'), /from 2028/);
  await page.screenshot({ path: path.join(screenshotDir, 'web-step-removed.png') });
  assert.deepEqual(errors, []);
  await context.close();
  await resumeApp(main.page);
});

test('text layer: aria-live holds the five headline numbers and does not chatter during a drag', async () => {
  const { page } = main;
  await page.evaluate(() => window.ComputePoverty.applyPermalink('v=1&s=today'));
  await nextFrames(page, 3);
  await page.evaluate(() => window.ComputePoverty.flushText());
  const live = await page.$$eval('#outcomes [data-outcome]', (e) => e.map((x) => [x.dataset.outcome, x.dataset.value, x.textContent]));
  assert.deepEqual(live.map((x) => x[0]), ['compute_ratio', 'years_behind', 'capability_lag_months', 'leverage_share', 'industry_impact']);
  const numbers = await page.evaluate(() => window.ComputePoverty.last.numbers);
  live.forEach(([name, value, text], i) => {
    assert.equal(Number(value), numbers[i].value, name);
    assert.ok(text.startsWith(numbers[i].text) && text.includes(numbers[i].caption), `${name}: "${text}"`);
  });
  assert.ok(await page.$$eval('#outcomes-detail [data-outcome]', (e) => e.length) > 4, 'the other outcomes are missing');
  // The switch-off is an outcome; the public record is listed with values, years and sources.
  const switchOff = await page.$eval('#outcomes-detail [data-outcome="switch_off_years_behind"]', (e) => Number(e.dataset.value));
  assert.ok(switchOff >= numbers[1].value, `switch-off ${switchOff} below years behind ${numbers[1].value}`);
  const record = await page.$$eval('#outcomes-detail [data-record]', (e) => e.map((x) => x.textContent));
  const last = await page.evaluate(() => window.ComputePoverty.last.record);
  assert.ok(last.length >= 20 && record.length === last.length, `${record.length} record items for ${last.length} points`);
  assert.ok(record.some((r) => /^Public record: Qwen2\.5-72B, Alibaba, China, Largest training run \(FLOP\), 2024: 7\.8 × 10\^24 \[S6\]$/.test(r)),
            record.join(' | '));
  assert.equal(await page.getAttribute('#outcomes', 'aria-live'), 'polite');
  // Count what a screen reader would hear during a 2 s drag.
  await page.evaluate(() => {
    window.__mutations = 0;
    new MutationObserver(() => { window.__mutations++; }).observe(document.getElementById('outcomes'), { childList: true });
  });
  const a = await controlPoint(page, 'cloud_denial', 0.2);
  const b = await controlPoint(page, 'cloud_denial', 0.9);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < 2000) {
    await page.mouse.move(a.x + (b.x - a.x) * ((i++ % 10) / 10), a.y);
    await nextFrames(page, 1);
  }
  const during = await page.evaluate(() => window.__mutations);
  await page.mouse.up();
  await page.waitForTimeout(300);
  const afterRelease = await page.evaluate(() => window.__mutations);
  assert.ok(during <= 3, `${during} live-region updates during a 2 s drag (at most one a second)`);
  assert.ok(afterRelease >= 1, 'no announcement after the drag');
});

test('keyboard: Tab reaches the canvas first, with a visible focus ring; Escape, then Tab, reaches the page buttons', async () => {
  const { page } = main;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('h1');  // the starting point of sequential focus navigation: the top of the page
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  const ring = await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).outlineStyle);
  assert.notEqual(ring, 'none', 'no focus ring on the canvas');
  // Tab inside the figure belongs to its controls; Escape leaves it and the next Tab reaches the buttons.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement !== document.getElementById('canvas'), null, { timeout: 2000 });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-action')), 'copy-link');
});

test('exports: CSV with the right header, scenario JSON, a non-blank PNG of the figure, copy link / embed code', async () => {
  const { page } = main;
  const save = async (action) => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(`[data-action="${action}"]`)]);
    const file = path.join(screenshotDir, 'download-' + download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), body: fs.readFileSync(file) };
  };
  const csv = await save('csv');
  const lines = csv.body.toString('utf8').trim().split('\n');
  assert.match(csv.name, /^compute-poverty-[a-z0-9_]+\.csv$/);
  assert.match(lines[0], /^year,/);
  assert.ok(lines.length > 5, `${lines.length} CSV lines`);
  assert.ok(lines[0].includes('restricted.compute_ratio') || lines[0].includes('compute_ratio'), lines[0].slice(0, 200));
  const json = await save('scenario');
  const scenario = JSON.parse(json.body.toString('utf8'));
  assert.ok(scenario.params, 'scenario JSON has no params');
  const png = await save('png');
  assert.equal(png.name, 'compute-poverty.png');
  const stats = await pngStats(page, png.body);
  const canvas = await page.evaluate(() => ({ w: document.getElementById('canvas').width, h: document.getElementById('canvas').height }));
  assert.deepEqual([stats.width, stats.height], [canvas.w, canvas.h]);
  assert.ok(stats.colours >= 32 && stats.variance > 10, `PNG looks blank: ${JSON.stringify(stats)}`);

  // Clipboard: headless pages are not granted it, so the textarea fallback must work too.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('[data-action="copy-embed"]');
  await page.waitForFunction(() => document.getElementById('tools-status').textContent === 'Copied', null, { timeout: 3000 });
  const code = await page.evaluate(() => window.ComputePoverty.embedCode());
  assert.match(code, /^<iframe id="(compute-poverty-[a-z0-9]+)" src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;panels=[a-z,]+#v=2&amp;/);
  // ...with the host's listener for the figure's height, tied to that frame (tests/web/embed.test.mjs runs it).
  const id = code.match(/^<iframe id="([^"]+)"/)[1];
  assert.ok(code.includes(`document.getElementById("${id}")`) && code.includes('compute-poverty:height') &&
            code.includes('e.source === f.contentWindow') && /<\/script>$/.test(code), code);
  // Without the Clipboard API (older browsers, http pages) the textarea fallback copies.
  await page.evaluate(() => {
    document.getElementById('tools-status').textContent = '';
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.click('[data-action="copy-link"]');
  await page.waitForFunction(() => document.getElementById('tools-status').textContent === 'Copied', null, { timeout: 3000 });
  const link = await page.evaluate(() => window.ComputePoverty.linkUrl());
  assert.equal(link, server.url + '#' + (await page.evaluate(() => window.ComputePoverty.last.hash)));
});

test('a lost WebGL context reloads the page with the same state', async () => {
  const { page } = main;
  await page.evaluate(() => window.ComputePoverty.applyPermalink('v=1&s=leaky_controls&year=2033'));
  await page.waitForFunction(() => location.hash.includes('leaky_controls'), null, { timeout: 5000 });
  const want = await page.evaluate(() => window.ComputePoverty.last.hash);
  const reloaded = page.waitForEvent('load', { timeout: 15000 });
  await page.evaluate(() => window.Module.ctx.getExtension('WEBGL_lose_context').loseContext());
  assert.match(await page.textContent('#loading-status'), /graphics context was lost/);
  await reloaded;
  await page.waitForFunction(() => window.Module && window.Module.cpFrames >= 5 && window.ComputePoverty.last, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.ComputePoverty.last.hash), want);
  assert.equal(await page.evaluate(() => document.body.classList.contains('cp-failed')), false);
});

test('a chart\'s "Save chart as PNG" menu downloads that chart, without hover marks', async () => {
  assert.ok(main, 'needs the main page');
  const { page, errors } = main;
  await page.evaluate(() => document.getElementById('canvas').scrollIntoView({ block: 'start' }));
  await nextFrames(page, 2);
  // The chart is found by name wherever the layout puts it; its context menu opens at the mouse
  // with "Save chart as PNG" as the first item.
  const chart = await chartRect(page, 'training_run');
  const box = await page.locator('#canvas').boundingBox();
  const at = { x: box.x + chart.x + chart.w * 0.5, y: box.y + chart.y + chart.h * 0.5 };
  assert.ok(chart.w > 200 && chart.h > 120 && at.y > 0 && at.y < page.viewportSize().height - 40, `chart at ${JSON.stringify(chart)}`);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await nextFrames(page, 3);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
                                        page.mouse.click(at.x + 40, at.y + 12)]);
  assert.equal(download.suggestedFilename(), 'chart-training_run.png');
  const file = path.join(screenshotDir, 'download-chart-training_run.png');
  await download.saveAs(file);
  const stats = await pngStats(page, fs.readFileSync(file));
  assert.ok(Math.abs(stats.width - chart.w) <= 2 && Math.abs(stats.height - chart.h) <= 2,
            `chart picture ${stats.width}x${stats.height}, chart drawn ${chart.w}x${chart.h}`);
  assert.ok(stats.colours >= 32 && stats.variance > 10, `chart picture looks blank: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
});

// A phone reader scrolls the page, never the canvas: in the one-column layout the canvas is as tall
// as the figure; a vertical swipe over a chart scrolls the page, a sideways drag on a slider moves it.
test('phone: the canvas is as tall as the figure, a swipe over a chart scrolls the page, sliders still drag', async () => {
  await main?.context.close();
  main = null;
  phone = await openApp(browser, server.url,
                        { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const { context, page, errors } = phone;
  const fit = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { content: window.Module._cp_web_content_height(), cssH: r.height, h: c.height, dpr: devicePixelRatio,
             buffer: window.Module.ctx.drawingBufferHeight, page: document.documentElement.scrollHeight };
  });
  assert.ok(fit.cssH >= fit.content && fit.cssH < fit.content + 17, `canvas ${fit.cssH} CSS px for ${fit.content} px of figure`);
  assert.ok(Math.abs(fit.h - fit.cssH * fit.dpr) <= fit.dpr + 1 && fit.buffer === fit.h, `backing store ${JSON.stringify(fit)}`);
  assert.ok(fit.page > fit.cssH + 1000, 'the article does not continue below the figure');
  assert.equal(await page.evaluate(() => window.Module._cp_web_wheel_wanted(0)), 0, 'the figure still scrolls inside the canvas');

  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  const swipe = async (from, to, steps = 8) => {
    await touch('touchStart', from.x, from.y);
    for (let i = 1; i <= steps; ++i) await touch('touchMove', from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps);
    await touch('touchEnd');
  };
  // A swipe up over the main chart (no control there) scrolls the page, and the figure sees no press.
  await page.evaluate(() => {
    window.__canvasMouse = [];
    for (const type of ['mousedown', 'mouseleave']) document.getElementById('canvas').addEventListener(type, () => window.__canvasMouse.push(type));
  });
  const chart = await chartRect(page, 'training_run');  // canvas pixels: the same wherever the page is scrolled
  const chartCentre = async () => {
    const box = await page.locator('#canvas').boundingBox();
    return { x: box.x + chart.x + chart.w / 2, y: box.y + chart.y + chart.h / 2 };
  };
  await page.evaluate(async (dy) => window.scrollBy(0, dy), (await chartCentre()).y - 450);
  await nextFrames(page, 2);
  const onChart = await chartCentre();
  assert.ok(onChart.y > 300 && onChart.y < 600, `chart centre at ${onChart.y} (scrolled away?)`);
  const y0 = await page.evaluate(() => window.scrollY);
  const before = await page.evaluate(() => window.ComputePoverty.last.hash);
  await swipe(onChart, { x: onChart.x, y: onChart.y - 150 });
  await page.waitForFunction((y) => window.scrollY > y + 50, y0, { timeout: 5000 });
  // A tap during the swipe's fling only stops the fling (as on a phone): wait until the page rests.
  await page.waitForFunction(() => new Promise((resolve) => {
    const y = window.scrollY;
    setTimeout(() => resolve(window.scrollY === y), 400);
  }), null, { timeout: 5000 });
  await nextFrames(page, 2);
  assert.equal(await page.evaluate(() => window.ComputePoverty.last.hash), before, 'the swipe changed the figure');
  // A tap there reaches the figure as a click, and then the mouse leaves (no hover left behind).
  const tapAt = await chartCentre();
  await page.touchscreen.tap(tapAt.x, tapAt.y);
  await page.waitForFunction(() => window.__canvasMouse.join() === 'mousedown,mouseleave', null, { timeout: 5000 });

  // A sideways drag on a slider moves it and leaves the page where it was.
  const value = () => page.evaluate(() => window.ComputePoverty.last.params.export_controls);
  const start = await value();
  const a = await controlPoint(page, 'export_controls', 0.1);
  const b = await controlPoint(page, 'export_controls', 0.9);
  const y1 = await page.evaluate(() => window.scrollY);
  await touch('touchStart', a.x, a.y);
  await nextFrames(page, 2);
  for (let i = 1; i <= 4; ++i) {
    await touch('touchMove', a.x + (b.x - a.x) * i / 4, a.y + 2 * i);  // a hand is never quite level
    await nextFrames(page, 1);
  }
  await touch('touchEnd');
  await page.waitForFunction(() => window.ComputePoverty.last.params.export_controls >= 0.8, null, { timeout: 5000 }).catch(() => {});
  const moved = await value();
  assert.ok(start < 0.8 && moved >= 0.8, `export controls ${start} -> ${moved} after dragging to 90%`);
  assert.equal(await page.evaluate(() => window.scrollY), y1, 'dragging a slider scrolled the page');
  // The keyboard, from below the figure: the control it moves to is brought into view by the page.
  await page.evaluate(() => {
    document.getElementById('canvas').focus({ preventScroll: true });
    document.querySelector('.tools').scrollIntoView({ block: 'start' });
  });
  await page.keyboard.down('ArrowDown');  // held over frames, as a hand does (ImGui 1.86 misses a shorter press)
  await nextFrames(page, 2);
  await page.keyboard.up('ArrowDown');
  const nav = await page.waitForFunction(() => window.Module.ccall('cp_web_nav_rect', 'string', [], []), null, { timeout: 5000 });
  const r = JSON.parse(await nav.jsonValue());
  await nextFrames(page, 2);
  const top = await page.evaluate((y) => document.getElementById('canvas').getBoundingClientRect().top + y, r.y);
  assert.ok(top >= 0 && top + r.h <= 740, `the keyboard's control is at ${top} px, off the 740 px screen`);
  // Scrolling the page needs no new frame of the figure (the canvas is part of the page).
  await page.evaluate(() => document.getElementById('canvas').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(screenshotDir, 'web-phone-page-figure.png') });
  assert.deepEqual(errors, []);
});

test('the article: every section has a button, generated parameter table, no horizontal scroll at 360 px, reduced motion', async () => {
  assert.ok(phone, 'needs the phone page');
  const { context, page, errors } = phone;
  await page.waitForSelector('#param-table table', { timeout: 5000 });
  const params = JSON.parse(fs.readFileSync(path.join(distDir, 'web', 'params.json'), 'utf8'));
  assert.equal(await page.$$eval('#param-table tbody tr', (r) => r.length), params.length);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= 360, `page is ${scroll} px wide at 360 px`);
  const small = await page.evaluate(() => [...document.querySelectorAll('main p, main td, main th, main button, .tools button')]
    .filter((e) => e.offsetParent && parseFloat(getComputedStyle(e).fontSize) < 16).map((e) => e.tagName + ':' + e.textContent.slice(0, 30)));
  assert.deepEqual(small, [], 'text under 16 px');
  assert.ok(await page.$$eval('main section', (s) => s.filter((x) => x.id !== 'sources').every((x) => x.querySelector('[data-permalink]'))),
            'a section has no button');
  // Reduced motion: no transitions at all.
  const transition = () => page.evaluate(() => getComputedStyle(document.querySelector('.tools button')).transitionDuration);
  assert.notEqual(await transition(), '0s', 'buttons have no transition to switch off (test cannot fail)');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await transition(), '0s', 'transitions stay on under prefers-reduced-motion');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  // Screens a reader sees, for review: the top, under the figure, a section, the sources table.
  // The figure is drawn, and scrolling the page needs no new frame of it: its loop is paused while the
  // page is photographed (software GL would otherwise redraw the tall canvas between the pictures).
  const shoot = async (name) => {
    await pauseApp(page);
    for (const [part, selector, block] of [['top', 'h1', 'start'], ['tools', '.tools', 'end'], ['section', '#cloud', 'start'],
                                           ['sources', '#param-table', 'start']]) {
      await page.evaluate(([sel, b]) => document.querySelector(sel).scrollIntoView({ block: b }), [selector, block]);
      await page.screenshot({ path: path.join(screenshotDir, `web-article-${name}-${part}.png`) });
    }
    await resumeApp(page);
  };
  await shoot('phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await nextFrames(page, 3);
  await shoot('desktop');
  assert.deepEqual(errors, []);
  await context.close();
});

