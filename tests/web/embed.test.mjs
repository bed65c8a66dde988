// Browser tests of embed mode inside an iframe of a host page on another origin: postMessage both ways, origin checks, focus, wheel, touch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startServer, launchChromium, distDir, screenshotDir, openApp, nextFrames, controlPoint, outcomeValue, pngStats,
  hostBlogPage,
} from './harness.mjs';

let server;      // the app, http://127.0.0.1:A/
let host;        // the blog, http://127.0.0.1:B/ (another origin)
let hostDir;
let browser;
let blog;        // the host page of the first test, reused by the second

// A blog page with the embed in the middle of tall text; it records what the embed posts.
function hostPage(appUrl, frameSrc, frameAttrs = '') {
  return hostBlogPage(new URL(appUrl).origin, `
<p style="height:700px">A blog post before the figure.</p>
<input id="host-input" aria-label="host input">
<iframe id="figure" src="${frameSrc}" width="760" height="760" style="border:0;display:block" ${frameAttrs}></iframe>
<p style="height:2000px">A blog post after the figure.</p>`);
}

before(async () => {
  assert.ok(fs.existsSync(path.join(distDir, 'app.wasm')), `${distDir}/app.wasm missing: build and stage the web app first`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'),
                   hostPage(server.url, `${server.url}?embed=1&panels=levers,chart#v=1&s=today`));
  // No referrer: the embed cannot know its host, and the host lists a wrong origin.
  fs.writeFileSync(path.join(hostDir, 'wrong.html'),
                   hostPage(server.url, `${server.url}?embed=1&panels=levers&origin=${encodeURIComponent('http://127.0.0.1:1')}`,
                            'referrerpolicy="no-referrer"'));
  // embed.html forwards, and passes the host's origin on.
  fs.writeFileSync(path.join(hostDir, 'short.html'), hostPage(server.url, `${server.url}embed.html?panels=levers,chart#v=1&s=cloud_loophole`));
  host = await startServer(hostDir);
  browser = await launchChromium();
  // The page's "Copy embed code" snippet, pasted as it is into a 600 px blog column.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/app.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));  // bridge only
  await page.goto(server.url + '#v=1&s=today');
  const snippet = await page.evaluate(() => window.ComputePoverty.embedCode());
  await context.close();
  fs.writeFileSync(path.join(hostDir, 'snippet.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Host blog</title></head><body style="margin:0;font:18px sans-serif"><div style="width:600px;margin:0 auto">
<p style="height:300px">A blog post before the figure.</p>
${snippet}
<p style="height:2000px">A blog post after the figure.</p></div>
<script>window.received = []; window.addEventListener('message', function (e) { window.received.push(e.data); });</script>
</body></html>`);
});

after(async () => {
  await blog?.context.close();
  await browser?.close();
  await server?.close();
  await host?.close();
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
});

async function openHost(file, viewport = { width: 900, height: 800 }, selector = '#figure') {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(host.url + file);
  const frame = await (await page.waitForSelector(selector)).contentFrame();
  await frame.waitForFunction(() => window.Module && window.Module.cpFrames >= 5 && window.ComputePoverty.last, null, { timeout: 30000 });
  await frame.waitForURL(/embed=1/);
  return { context, page, frame, errors };
}

const outcomesWith = (page, key, value) => page.waitForFunction(([k, v]) =>
  window.received.some((m) => m && m.type === 'compute-poverty:outcomes' && m.data.params[k] === v), [key, value], { timeout: 8000 });

test('embed in a cross-origin iframe: set and get by postMessage, outcomes posted back, bad messages ignored', async () => {
  blog = await openHost('');
  const { page, frame, errors } = blog;
  // The figure alone: no article, a drawn canvas filling the frame at the frame's pixel ratio.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('main')).display), 'none');
  const figure = await frame.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, innerW: innerWidth, innerH: innerHeight,
             dpr: devicePixelRatio, overlayHidden: document.getElementById('loading').hidden };
  });
  assert.ok(figure.overlayHidden, 'loading overlay still shown after the first frame');
  assert.deepEqual([figure.cssW, figure.cssH], [figure.innerW, figure.innerH], `the canvas does not fill the frame: ${JSON.stringify(figure)}`);
  assert.ok(Math.abs(figure.w - figure.cssW * figure.dpr) <= figure.dpr + 1 && Math.abs(figure.h - figure.cssH * figure.dpr) <= figure.dpr + 1,
            `backing store ${JSON.stringify(figure)}`);
  const shot = await (await page.$('#figure')).screenshot({ path: path.join(screenshotDir, 'web-embed.png') });
  const stats = await pngStats(page, shot);
  assert.ok(stats.colours >= 32 && stats.variance > 10, `the embed looks blank: ${JSON.stringify(stats)}`);
  assert.equal(await frame.evaluate(() => window.ComputePoverty.embed.parentOrigin), new URL(host.url).origin);

  await page.evaluate(() => window.send({ type: 'compute-poverty:get' }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'compute-poverty:outcomes'), null, { timeout: 5000 });
  const first = await page.evaluate(() => window.received.find((m) => m.type === 'compute-poverty:outcomes').data);
  assert.equal(first.scenario, 'today');
  assert.ok(Number.isFinite(first.outcomes.compute_ratio));

  await page.evaluate(() => window.send({ type: 'compute-poverty:set', params: { export_controls: 0.2, cloud_denial: 0.9 } }));
  await outcomesWith(page, 'export_controls', 0.2);
  const after = await page.evaluate(() => window.received.filter((m) => m.type === 'compute-poverty:outcomes').pop().data);
  assert.equal(after.params.cloud_denial, 0.9);
  assert.notEqual(after.outcomes.compute_ratio, first.outcomes.compute_ratio);

  // All-or-nothing: one bad value and nothing changes; the host hears why.
  await page.evaluate(() => window.send({ type: 'compute-poverty:set', params: { export_controls: 0.5, privacy_law: 3 } }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'compute-poverty:error'), null, { timeout: 5000 });
  // Malformed or unknown messages are ignored silently (no reply, no change).
  const count = await page.evaluate(() => window.received.length);
  await page.evaluate(() => {
    window.send('compute-poverty:set');
    window.send({ type: 'compute-poverty:set', params: { export_controls: NaN } });
    window.send({ type: 'compute-poverty:set', params: { nonsense: 1 } });
    window.send({ type: 'compute-poverty:set', params: [0.1] });
    window.send({ type: 'compute-poverty:set', params: { export_controls: '0.1' } });
    window.send({ type: 'compute-poverty:set', params: { export_controls: 0.1 }, extra: 1 });
    window.send({ type: 'compute-poverty:set', params: { export_controls: 0.1, padding: 'x'.repeat(20000) } });
    window.send({ type: 'compute-poverty:destroy' });
  });
  // A message from the frame itself (not its parent) is ignored too.
  await frame.evaluate(() => window.postMessage({ type: 'compute-poverty:set', params: { export_controls: 0.1 } }, '*'));
  await nextFrames(frame, 5);
  await page.waitForTimeout(300);
  const state = await frame.evaluate(() => window.ComputePoverty.last.params);
  assert.equal(state.export_controls, 0.2);
  assert.equal(state.privacy_law, first.params.privacy_law);
  const replies = await page.evaluate((n) => window.received.slice(n).map((m) => m.type), count);
  assert.deepEqual(replies.filter((t) => t !== 'compute-poverty:outcomes' && t !== 'compute-poverty:height'), [],
                   'a malformed message got an answer');
  await page.screenshot({ path: path.join(screenshotDir, 'web-embed-host.png') });
  assert.deepEqual(errors, []);
});

test('embed: host messages set the policy year and steps; bad steps are refused with an error and change nothing', async () => {
  assert.ok(blog, 'needs the host page of the first test');
  const { page, frame, errors } = blog;
  const lastOutcomes = () => page.evaluate(() => window.received.filter((m) => m.type === 'compute-poverty:outcomes').pop().data);
  await page.evaluate(() => {
    window.received = [];
    window.send({ type: 'compute-poverty:set', policy_year: 2027, steps: [{ lever: 'cloud_denial', year: 2028, value: 1 }] });
  });
  await page.waitForFunction(() => window.received.some((m) => m.type === 'compute-poverty:outcomes' &&
                                                          m.data.policy_year === 2027 && m.data.steps.cloud_denial.length === 1),
                             null, { timeout: 8000 });
  const set = await lastOutcomes();
  assert.deepEqual(set.steps.cloud_denial, [{ year: 2028, value: 1 }]);
  assert.match(set.hash, /&policy_year=2027&/);
  assert.match(set.hash, /&cloud_denial@2028=1/);
  assert.match(set.plan, /from 2027.*Cloud denial 100% from 2028/);
  const state = await frame.evaluate(() => window.ComputePoverty.last.hash);

  // Well-formed but refused: the host hears what is wrong, and nothing changes.
  const refused = [
    [{ type: 'compute-poverty:set', steps: [{ lever: 'cloud_denial', year: 2040, value: 1 }] }, /outside the run/],
    [{ type: 'compute-poverty:set', steps: [{ lever: 'privacy_law', year: 2030, value: 1 }, { lever: 'privacy_law', year: 2030, value: 0 }] },
     /two steps for privacy_law in 2030/],
    [{ type: 'compute-poverty:set', steps: [{ lever: 'cloud_denial', year: 2030, value: 1.5 }] }, /allowed range/],
    [{ type: 'compute-poverty:set', policy_year: 2036 }, /policy year 2036/],
    [{ type: 'compute-poverty:set', params: { export_controls: 0.5 }, steps: [{ lever: 'cloud_denial', year: 2031, value: null }] },
     /no step in 2031/],
  ];
  for (const [message, says] of refused) {
    await page.evaluate((m) => { window.received = []; window.send(m); }, message);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'compute-poverty:error'), null, { timeout: 5000 });
    assert.match(await page.evaluate(() => window.received.find((m) => m.type === 'compute-poverty:error').message), says);
    assert.equal(await frame.evaluate(() => window.ComputePoverty.last.hash), state, JSON.stringify(message));
  }
  // Malformed: ignored without an answer.
  await page.evaluate(() => {
    window.received = [];
    for (const m of [{ steps: 'cloud_denial@2028=1' }, { steps: [] }, { steps: [{ lever: 'utilisation', year: 2028, value: 1 }] },
                     { steps: [{ lever: 'cloud_denial', year: 2028.5, value: 1 }] }, { steps: [{ lever: 'cloud_denial', year: 2028, value: '1' }] },
                     { steps: [{ lever: 'cloud_denial', year: 2028, value: 1, source: 'x' }] }, { policy_year: '2027' },
                     { policy_year: 2027.5 }, {}]) window.send({ type: 'compute-poverty:set', ...m });
  });
  await nextFrames(frame, 3);
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.received.filter((m) => m.type === 'compute-poverty:error')), []);
  assert.equal(await frame.evaluate(() => window.ComputePoverty.last.hash), state);

  // null removes a step; the policy year goes back.
  await page.evaluate(() => window.send({ type: 'compute-poverty:set', policy_year: 2026,
                                          steps: [{ lever: 'cloud_denial', year: 2028, value: null }] }));
  await frame.waitForFunction(() => window.ComputePoverty.last.steps.cloud_denial.length === 0 &&
                              window.ComputePoverty.last.policy_year === 2026, null, { timeout: 8000 });
  assert.doesNotMatch(await frame.evaluate(() => window.ComputePoverty.last.hash), /policy_year|@/);
  assert.deepEqual(errors, []);
});

test('embed: keys work after a click, after focus left the frame and came back; the wheel scrolls the host page', async () => {
  assert.ok(blog, 'needs the host page of the first test');
  const { context, page, frame, errors } = blog;
  blog = null;
  await page.evaluate(() => document.getElementById('figure').scrollIntoView({ block: 'center' }));
  const box = await (await page.$('#figure')).boundingBox();
  // From today's 75% to 30%, so that undo has somewhere to go back to.
  await page.evaluate(() => window.send({ type: 'compute-poverty:set', params: { export_controls: 0.75 } }));
  await outcomesWith(page, 'export_controls', 0.75);
  await page.evaluate(() => { window.received = []; window.send({ type: 'compute-poverty:set', params: { export_controls: 0.3 } }); });
  await outcomesWith(page, 'export_controls', 0.3);
  await page.evaluate(() => { window.received = []; });

  await page.mouse.click(box.x + 3, box.y + 3);  // the frame's padding: no control there
  assert.equal(await frame.evaluate(() => document.activeElement && document.activeElement.id), 'canvas');
  await page.click('#host-input');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'host-input');
  await page.mouse.click(box.x + 3, box.y + 3);
  assert.equal(await frame.evaluate(() => document.hasFocus() && document.activeElement.id), 'canvas');
  // Undo: back to 75%. Held over two frames like a hand's press: ImGui 1.86 misses a key that goes
  // down and up between two frames, which in software GL (a frame every 100-250 ms) a scripted press does.
  await page.keyboard.down('Control');
  await page.keyboard.down('z');
  await nextFrames(frame, 2);
  await page.keyboard.up('z');
  await page.keyboard.up('Control');
  await outcomesWith(page, 'export_controls', 0.75);

  // The wheel over the figure scrolls the blog: at once where no panel scrolls, else once the panel
  // under the mouse has reached its end (never a trap).
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6);
  await nextFrames(frame, 2);
  const y0 = await page.evaluate(() => window.scrollY);
  let scrolled = false;
  for (let i = 0; i < 5 && !scrolled; ++i) {
    await page.mouse.wheel(0, 300);
    scrolled = await page.waitForFunction((y) => window.scrollY > y, y0, { timeout: 1500 }).then(() => true, () => false);
  }
  assert.ok(scrolled, 'the wheel over the embed did not scroll the host page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed: a host whose origin is neither the referrer nor listed is ignored; embed.html forwards and trusts its host', async () => {
  const wrong = await openHost('wrong.html');
  assert.equal(await wrong.frame.evaluate(() => window.ComputePoverty.embed.parentOrigin), '');
  const before = await wrong.frame.evaluate(() => window.ComputePoverty.last.params.export_controls);
  await wrong.page.evaluate(() => {
    window.send({ type: 'compute-poverty:set', params: { export_controls: 0.1 } });
    window.send({ type: 'compute-poverty:get' });
  });
  await nextFrames(wrong.frame, 5);
  await wrong.page.waitForTimeout(300);
  assert.equal(await wrong.frame.evaluate(() => window.ComputePoverty.last.params.export_controls), before);
  assert.deepEqual(await wrong.page.evaluate(() => window.received.map((m) => m.type)), [],
                   'a frame with an untrusted host answered it');
  await wrong.context.close();

  const short = await openHost('short.html');
  assert.match(await short.frame.evaluate(() => location.search), /embed=1&panels=levers,chart&origin=/);
  assert.equal(await short.frame.evaluate(() => window.ComputePoverty.last.scenario), 'cloud_loophole');
  await short.page.evaluate(() => window.send({ type: 'compute-poverty:set', params: { cloud_denial: 1 } }));
  await outcomesWith(short.page, 'cloud_denial', 1);
  await short.context.close();
});

test('the copied embed code sizes its frame to the figure: no scrolling inside, follows the figure as it grows', async () => {
  const { context, page, frame, errors } = await openHost('snippet.html', { width: 900, height: 800 }, 'iframe');
  const sizes = () => frame.evaluate(() => ({ content: Math.ceil(window.Module._cp_web_content_height()),
                                              frame: window.innerHeight, width: window.innerWidth }));
  // In a 600 px column the figure is one column, taller than the 760 px the snippet starts with.
  const fits = (page2) => page2.waitForFunction(() => {
    const f = document.querySelector('iframe');
    return f.getBoundingClientRect().height !== 760 && window.received.some((m) => m && m.type === 'compute-poverty:height');
  }, null, { timeout: 10000 });
  await fits(page);
  await nextFrames(frame, 3);
  let s = await sizes();
  assert.equal(s.width, 600);
  assert.ok(s.content > 760, `the figure is only ${s.content} px tall: the test cannot see the frame grow`);
  assert.ok(Math.abs(s.frame - s.content) <= 1, `frame ${s.frame} px for ${s.content} px of figure`);
  assert.equal(await frame.evaluate(() => window.Module._cp_web_wheel_wanted(0)), 0, 'the figure scrolls inside its frame');
  const posted = await page.evaluate(() => window.received.filter((m) => m.type === 'compute-poverty:height').map((m) => m.height));
  assert.ok(posted.length >= 1 && posted.length <= 3, `height posted ${posted.length} times: ${posted}`);
  // Opening every lever makes the figure much taller; the frame follows.
  const before = s.content;
  assert.equal(await frame.evaluate(() => window.ComputePoverty.applyPermalink('v=1&s=today&view=advanced')), '');
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 200, before, { timeout: 10000 });
  await nextFrames(frame, 3);
  s = await sizes();
  assert.ok(Math.abs(s.frame - s.content) <= 1, `frame ${s.frame} px for ${s.content} px of figure after opening the levers`);
  // And shrinks back when they close (the reported height is the panels', never the frame's).
  assert.equal(await frame.evaluate(() => window.ComputePoverty.applyPermalink('v=1&s=today')), '');
  await page.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1,
                             before, { timeout: 10000 });
  await page.evaluate(() => document.querySelector('iframe').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(screenshotDir, 'web-embed-snippet-host.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone with touch: tapping and dragging a slider moves it', async () => {
  const { context, page, errors } = await openApp(browser, server.url + '?embed=1&panels=headline,levers',
    { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const value = () => page.evaluate(() => window.ComputePoverty.last.params.export_controls);
  const start = await value();
  const p = await controlPoint(page, 'export_controls', 0.1);
  await page.touchscreen.tap(p.x, p.y);
  await page.waitForFunction((v) => window.ComputePoverty.last.params.export_controls < v - 0.3, start, { timeout: 5000 });
  const tapped = await value();

  const cdp = await context.newCDPSession(page);
  const a = await controlPoint(page, 'export_controls', 0.1);
  const b = await controlPoint(page, 'export_controls', 0.9);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  await touch('touchStart', a.x, a.y);
  await nextFrames(page, 2);
  for (let i = 1; i <= 8; ++i) {
    await touch('touchMove', a.x + (b.x - a.x) * i / 8, a.y);
    await nextFrames(page, 1);
  }
  await touch('touchEnd');
  await page.waitForFunction((v) => window.ComputePoverty.last.params.export_controls > v + 0.5, tapped, { timeout: 5000 });
  assert.ok(await outcomeValue(page, 'compute_ratio') > 0);
  await page.screenshot({ path: path.join(screenshotDir, 'web-phone-touch-embed.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// Random inputs from a seeded generator (the seed is in the test's name: a failure can be replayed).
const FUZZ_SEED = 20261129;

test(`fuzzed host messages and links (seed ${FUZZ_SEED}): refused whole, nothing changes, the figure keeps working`, async () => {
  const { context, page, frame, errors } = await openHost('');
  // 1. Links, through the page's own path (decoded, then the app's decoder), checked one by
  //    one in the frame: a refused link must leave the state exactly as it was.
  const links = await frame.evaluate((seed) => {
    let s = seed >>> 0;
    const rand = () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
                         t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const pick = (a) => a[Math.floor(rand() * a.length)];
    const keys = Object.keys(window.ComputePoverty.last.params);
    const words = ['v', 's', 'year', 'view', 'embed', 'panels', '__proto__', 'constructor', 'toString', 'policy_year',
                   'cloud_denial@2028', 'export_controls@2040', 'privacy_law@', ...keys];
    const values = ['1', '0', '-0', '0.5', '1e308', '-1e308', '1e-320', 'NaN', 'Infinity', 'nan', '0x10', '2031',
                    'today', 'oil_world', 'dark_advanced', '%00', '%E0%A4%A', '%', '..%2F..', '<script>', '🙂', '', 'off'];
    const junk = '&=#%?;,/+ \u00e9\u200bab01._-';
    const CP = window.ComputePoverty, M = window.Module;
    const link = () => M.ccall('cp_web_permalink', 'string', [], []);
    let accepted = 0, refused = 0, broken = [];
    for (let i = 0; i < 600; ++i) {
      const parts = [];
      const n = Math.floor(rand() * 6);
      if (rand() < 0.7) parts.push('v=' + pick(['1', '2', '2', '0', '3', '1d', '']));
      for (let j = 0; j < n; ++j) {
        const r = rand();
        if (r < 0.75) parts.push(pick(words) + '=' + (rand() < 0.5 ? pick(values) : String(rand() * pick([1, 2, 100, 1e6]))));
        else parts.push(Array.from({ length: Math.floor(rand() * 12) }, () => pick(junk)).join(''));
      }
      const hash = (rand() < 0.3 ? '#' : '') + parts.join(rand() < 0.9 ? '&' : pick(['&&', '=', '#']));
      const before = link();
      let err;
      try { err = CP.applyPermalink(hash); } catch (e) { broken.push(hash + ' threw ' + e); continue; }
      if (typeof err !== 'string') broken.push(hash + ' returned ' + typeof err);
      else if (err === '') ++accepted;
      else { ++refused; if (link() !== before) broken.push(hash + ' was refused but changed the state'); }
    }
    return { accepted, refused, broken: broken.slice(0, 5) };
  }, FUZZ_SEED);
  assert.deepEqual(links.broken, []);
  assert.ok(links.refused > 300 && links.accepted > 10, `not a useful mix: ${JSON.stringify(links)}`);

  // 2. Host messages: 1,500 that are each invalid in at least one way, then one valid one. The
  //    invalid ones must change nothing; the valid one must still work afterwards.
  assert.equal(await frame.evaluate(() => window.ComputePoverty.applyPermalink('v=1&s=today&export_controls=0.3')), '');
  await frame.waitForFunction(() => window.ComputePoverty.last.params.export_controls === 0.3, null, { timeout: 5000 });
  const before = await frame.evaluate(() => JSON.stringify(window.ComputePoverty.last.params));
  const sent = await page.evaluate((seed) => {
    let s = seed >>> 0;
    const rand = () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
                         t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const pick = (a) => a[Math.floor(rand() * a.length)];
    const levers = ['export_controls', 'cloud_denial', 'privacy_law'];
    const badNumbers = [NaN, Infinity, -Infinity, 1e308, -1, 2, 1.0000001, -1e-300 * 0 - 1];
    const anything = () => pick([null, true, 'x', '0.5', [], {}, [0.5], { value: 0.5 }, 'x'.repeat(5000)]);
    let count = 0;
    for (let i = 0; i < 1500; ++i) {
      const params = {};
      for (let j = Math.floor(rand() * 3); j > 0; --j) params[pick(levers)] = rand();  // valid entries...
      const flaw = Math.floor(rand() * 7);                                              // ...and one flaw
      let message = { type: 'compute-poverty:set', params };
      if (flaw === 0) params[pick(levers)] = pick(badNumbers);
      else if (flaw === 1) params[pick(levers)] = anything();
      else if (flaw === 2) {  // an own property even for '__proto__' (as JSON.parse would make it)
        Object.defineProperty(params, pick(['nonsense', '__proto__', 'constructor', 'EXPORT_CONTROLS', '']),
                              { value: 0.5, enumerable: true });
      }
      else if (flaw === 3) message.params = pick([null, 'export_controls=0.5', [0.5], 7, Object.assign([], params)]);
      else if (flaw === 4) message = pick([null, 'compute-poverty:set', 42, [message], { params }]);
      else if (flaw === 5) message.type = pick(['compute-poverty:SET', 'set', '', 'compute-poverty:set ', null]);
      else message[pick(['extra', 'origin', 'data'])] = 1;
      window.send(message);
      ++count;
    }
    window.send({ type: 'compute-poverty:set', params: { privacy_law: 0.625 } });
    return count;
  }, FUZZ_SEED);
  assert.equal(sent, 1500);
  await frame.waitForFunction(() => window.ComputePoverty.last.params.privacy_law === 0.625, null, { timeout: 10000 });
  const after = await frame.evaluate(() => JSON.stringify({ ...window.ComputePoverty.last.params, privacy_law: null }));
  assert.equal(after, JSON.stringify({ ...JSON.parse(before), privacy_law: null }), 'an invalid message changed the figure');
  assert.deepEqual(errors, []);
  await context.close();
});
