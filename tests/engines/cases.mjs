// The test cases of the Firefox and WebKit suites, written once against the adapters' Playwright-shaped pages (tests/engines/firefox.mjs, webkit.mjs).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  screenshotDir, waitFrames, nextFrames, controlPoint, outcomeValue, pngStats, dragSlider, textField, ctrlClick, hold,
  pasteAccepted, pasteRefused, hostBlogPage,
} from '../web/harness.mjs';
import { startEngineServer } from './page.mjs';

const CJK = /[\u3400-\u9fff]/;
const shot = (engine, name) => path.join(screenshotDir, `${engine.name}-${name}.png`);

// Opens `url` in a new page of the engine and waits for `frames` frames (four: the first publishes
// the figure's height, the second is drawn at the size the page then gives the canvas).
async function openApp(ctx, url, options = {}, frames = 4) {
  const page = await ctx.browser.newPage(options);
  await page.goto(url);
  await waitFrames(page, frames);
  const failure = await page.evaluate(() => document.body.classList.contains('cp-failed') &&
                                             document.getElementById('loading-status').textContent);
  assert.equal(failure, false, `${ctx.engine.name}: the page reported a failure: ${failure}`);
  return page;
}

// The visible part of the canvas must show the figure: an ImGui UI with anti-aliased text has
// hundreds of colours and a high luminance variance; a blank or black canvas has neither. Measured
// on a crop of the viewport's screenshot (WebKitGTK gives black element screenshots of WebGL).
async function checkDrawn(page, file, selector = '#canvas') {
  const box = await page.locator(selector).boundingBox();
  const view = page.viewportSize();
  const clip = { x: Math.max(0, box.x), y: Math.max(0, box.y) };
  clip.width = Math.min(view.width, box.x + box.width) - clip.x;
  clip.height = Math.min(view.height, box.y + box.height) - clip.y;
  assert.ok(clip.width > 100 && clip.height > 100, `${selector} is not on the screen: ${JSON.stringify(box)}`);
  const png = await page.screenshot({ path: file });
  const stats = await pngStats(page, png, clip);
  assert.ok(stats.colours >= 32, `${path.basename(file)}: only ${stats.colours} distinct colours (blank canvas?)`);
  assert.ok(stats.variance > 10, `${path.basename(file)}: luminance variance ${stats.variance.toFixed(1)} (blank canvas?)`);
  return stats;
}

const canvasSizes = (page) => page.evaluate(() => {
  const c = document.getElementById('canvas');
  const r = c.getBoundingClientRect();
  return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, dpr: devicePixelRatio,
           pageW: document.documentElement.clientWidth, overlayHidden: document.getElementById('loading').hidden };
});

// HiDPI: the backing store is the CSS size times devicePixelRatio (crisp text), within rounding.
function checkBackingStore(s) {
  assert.ok(Math.abs(s.w - Math.floor(s.cssW) * s.dpr) <= s.dpr + 1, `canvas width ${JSON.stringify(s)}`);
  assert.ok(Math.abs(s.h - Math.floor(s.cssH) * s.dpr) <= s.dpr + 1, `canvas height ${JSON.stringify(s)}`);
}

// Puts `text` on the system clipboard the way a reader does: selected in a text field, Ctrl+C.
// (No clipboard API: Firefox and WebKit allow navigator.clipboard.writeText only in a user gesture.)
async function copyToClipboard(page, text) {
  await page.evaluate((t) => {
    const a = document.createElement('textarea');
    a.id = 'test-clipboard';
    a.value = t;
    a.style.cssText = 'position:fixed;top:0;left:0;width:200px;height:40px;z-index:99';
    document.body.appendChild(a);
    a.focus();
    a.select();
  }, text);
  await page.keyboard.down('Control');
  await page.keyboard.press('c');
  await page.keyboard.up('Control');
  await page.evaluate(() => document.getElementById('test-clipboard').remove());
}

// What the system clipboard holds, read the way a reader would: Ctrl+V into a text field.
async function readClipboard(page) {
  await page.evaluate(() => {
    const a = document.createElement('textarea');
    a.id = 'test-clipboard';
    a.style.cssText = 'position:fixed;top:0;left:0;width:200px;height:40px;z-index:99';
    document.body.appendChild(a);
    a.focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  return page.evaluate(() => { const a = document.getElementById('test-clipboard'); a.remove(); return a.value; });
}

// A host page for the embed: the page's own "Copy embed code" snippet, as pasted into a 600 px blog
// column, plus a recorder of what the embed posts and a way to post to it.
function hostPage(snippet, appOrigin) {
  return hostBlogPage(appOrigin, `<div style="width:600px;margin:0 auto">
<p style="height:120px">A blog post before the figure.</p>
${snippet}
<p style="height:2000px">A blog post after the figure.</p></div>`);
}

export const cases = [
  ['the page loads and draws: WebGL2, a non-blank figure at the pixel ratio, no error', async (ctx) => {
    const page = await openApp(ctx, ctx.server.url, { viewport: { width: 1280, height: 800 } });
    assert.equal(await page.evaluate(() => !!window.Module.ctx && window.Module.ctx instanceof WebGL2RenderingContext), true,
                 'the app is not drawing with WebGL2');
    const s = await canvasSizes(page);
    assert.ok(s.overlayHidden, 'the loading overlay is still shown after the first frame');
    checkBackingStore(s);
    await checkDrawn(page, shot(ctx.engine, 'desktop'));
    // The text layer has the headline numbers, each a finite number.
    const ratio = await outcomeValue(page, 'compute_ratio');
    assert.ok(ratio > 0 && ratio < 1, `compute_ratio in the text layer: ${ratio}`);
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['a lever dragged with the mouse: the outcome in the text layer and the address bar follow', async (ctx) => {
    const page = await openApp(ctx, ctx.server.url, { viewport: { width: 1100, height: 800 } });
    assert.equal(await page.evaluate(() => location.hash), '', 'the address bar changed before the reader did anything');
    await dragSlider(page, 'export_controls', 0.75, 0.05);
    await page.waitForFunction(() => /export_controls=/.test(location.hash), null, { timeout: 5000 });
    const loose = await page.evaluate(() => window.ComputePoverty.last.params.export_controls);
    const looseRatio = await outcomeValue(page, 'compute_ratio');
    await dragSlider(page, 'export_controls', 0.05, 0.6);
    await page.waitForFunction((v) => window.ComputePoverty.last.params.export_controls > v + 0.2, loose, { timeout: 5000 });
    const tight = await page.evaluate(() => window.ComputePoverty.last.params.export_controls);
    const tightRatio = await outcomeValue(page, 'compute_ratio');
    assert.ok(loose < 0.2 && tight > 0.4 && tight < 0.8, `slider values ${loose} then ${tight}`);
    assert.ok(tightRatio < looseRatio, `compute ratio ${looseRatio} at controls ${loose}, ${tightRatio} at ${tight}: should fall`);
    await page.waitForFunction(() => location.hash.slice(1) === window.ComputePoverty.last.hash, null, { timeout: 5000 });
    // The article's prose shows the figure's number.
    const prose = await page.evaluate(() => [document.querySelector('[data-live="compute_ratio"]').textContent,
                                             window.ComputePoverty.last.numbers[0].text]);
    assert.equal(prose[0], prose[1]);
    await page.screenshot({ path: shot(ctx.engine, 'after-drag') });
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['a typed value: Ctrl+click opens the text box, typed and pasted values are set exactly, "abc" and "250" are refused with the message', async (ctx) => {
    const page = await openApp(ctx, ctx.server.url, { viewport: { width: 1280, height: 800 } });
    const lever = () => page.evaluate(() => window.ComputePoverty.last.params.export_controls);
    assert.equal(await lever(), 0.75);
    const field = await ctrlClick(page, 'export_controls', 0.1);
    assert.deepEqual([field.name, field.text], ['export_controls', '75']);
    assert.equal(await lever(), 0.75, 'the Ctrl+click moved the slider to where it landed');
    await page.keyboard.type('30');
    await hold(page, 'Enter');
    await page.waitForFunction(() => window.ComputePoverty.last.params.export_controls === 0.3, null, { timeout: 5000 });
    assert.equal(await textField(page), null);

    // Paste: Ctrl+V in the open text box takes the system clipboard (the browser's paste event).
    await copyToClipboard(page, '42.5');
    await pasteAccepted(page, 'export_controls', 0.9, '42.5', 0.425);
    const hash = await page.evaluate(() => location.hash);
    for (const [text, why] of [['abc', /\u201Cabc\u201D is not a number/], ['250', /250% is outside the range of Export controls, 0% to 100%/]]) {
      await copyToClipboard(page, text);
      await pasteRefused(page, 'export_controls', text, why, { value: 0.425, hash });
    }
    await page.screenshot({ path: shot(ctx.engine, 'refused-paste') });
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['copy and cut in the figure\'s text box put its text on the system clipboard', async (ctx) => {
    const page = await openApp(ctx, ctx.server.url, { viewport: { width: 1280, height: 800 } });
    await copyToClipboard(page, 'not from the figure');
    const field = await ctrlClick(page, 'cloud_denial', 0.5);
    assert.equal(field.name, 'cloud_denial');
    assert.equal(field.text, '20');
    await hold(page, 'c', 'Control');  // the whole text is selected when the box opens
    await hold(page, 'Escape');
    assert.equal(await readClipboard(page), '20');
    await copyToClipboard(page, 'not from the figure');
    await ctrlClick(page, 'cloud_denial', 0.5);
    await hold(page, 'x', 'Control');
    assert.equal((await textField(page)).text, '', 'cut left the text in the box');
    await hold(page, 'Escape');
    assert.equal(await readClipboard(page), '20');
    assert.equal(await page.evaluate(() => window.ComputePoverty.last.params.cloud_denial), 0.2);
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['keyboard: Tab reaches the canvas with a focus ring; Escape, then Tab, reaches the page buttons', async (ctx) => {
    const page = await openApp(ctx, ctx.server.url, { viewport: { width: 1100, height: 800 } });
    // A click on the heading: sequential focus navigation starts there (after the language switch).
    const h1 = await page.locator('h1').boundingBox();
    await page.mouse.click(h1.x + 10, h1.y + h1.height / 2);
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'canvas', null, { timeout: 3000 })
      .catch(async () => assert.fail(`Tab focused ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))}`));
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).outlineStyle), 'none',
                    'no focus ring on the canvas');
    await nextFrames(page, 2);
    await hold(page, 'Escape');
    await page.waitForFunction(() => document.activeElement !== document.getElementById('canvas'), null, { timeout: 3000 });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-action')), 'copy-link');
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['the mouse wheel over the figure scrolls the page where no panel under it scrolls', async (ctx) => {
    const page = await openApp(ctx, ctx.server.url, { viewport: { width: 1000, height: 700 } });
    for (const [fx, fy] of [[0.02, 0.03], [0.5, 0.03], [0.6, 0.6]]) {
      await page.evaluate(() => document.getElementById('canvas').scrollIntoView({ block: 'start' }));
      const y0 = await page.evaluate(() => window.scrollY);
      const box = await page.locator('#canvas').boundingBox();
      await page.mouse.move(box.x + box.width * fx, box.y + Math.min(box.height, 700) * fy);
      await nextFrames(page, 2);
      const wanted = await page.evaluate(() => window.Module._cp_web_wheel_wanted(200) !== 0);
      // Where a panel under the mouse scrolls, the page takes over once it has reached its end (no trap).
      let moved = false;
      for (let i = 0; i < (wanted ? 30 : 1) && !moved; ++i) {
        await page.mouse.wheel(0, wanted ? 400 : 200);
        moved = await page.waitForFunction((y) => window.scrollY > y, y0, { timeout: wanted ? 500 : 3000 }).then(() => true, () => false);
      }
      assert.ok(moved, `the wheel at (${fx}, ${fy}) over the figure ${wanted ? 'never reached the page (a scroll trap)' : 'did not scroll the page'}`);
    }
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['touch: a tap on the value above a slider opens the numeric field; a refused value says why', async (ctx, t) => {
    if (!ctx.engine.touch) return t.skip(`${ctx.engine.name} has no touch input through its driver`);
    const page = await openApp(ctx, ctx.server.url, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true });
    const p = await controlPoint(page, 'entry:cloud_denial', 0.5);
    await page.touch([p], () => nextFrames(page, 1));
    await page.waitForFunction(() => { const f = document.querySelector('.entry'); return f && !f.hidden; }, null, { timeout: 5000 });
    const input = await page.evaluate(() => {
      const i = document.getElementById('entry-input');
      return { focused: document.activeElement === i, mode: i.getAttribute('inputmode'), value: i.value };
    });
    assert.deepEqual(input, { focused: true, mode: 'decimal', value: '20' });
    await page.evaluate(() => { document.getElementById('entry-input').value = ''; });
    await page.keyboard.type('250');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('entry-error').hidden, null, { timeout: 3000 });
    assert.match(await page.textContent('#entry-error'), /250% is outside the range of Cloud denial/);
    await page.screenshot({ path: shot(ctx.engine, 'touch-entry') });
    await page.evaluate(() => { document.getElementById('entry-input').value = ''; });
    await page.keyboard.type('62.5');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.ComputePoverty.last.params.cloud_denial === 0.625, null, { timeout: 5000 });
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['a link with steps and lang=zh opens exactly that state, in Chinese', async (ctx) => {
    const link = 'v=2&s=today&policy_year=2027&export_controls=0.5&cloud_denial@2029=1&year=2031&lang=zh';
    const page = await openApp(ctx, ctx.server.url + '#' + link, { viewport: { width: 1280, height: 800 } });
    const last = await page.evaluate(() => window.ComputePoverty.last);
    assert.equal(last.hash, link);
    assert.equal(last.policy_year, 2027);
    assert.equal(last.year, 2031);
    assert.equal(last.params.export_controls, 0.5);
    assert.deepEqual(last.steps.cloud_denial, [{ year: 2029, value: 1 }]);
    assert.ok(CJK.test(last.sentence), `the figure's sentence is not Chinese: ${last.sentence}`);
    assert.equal(await page.evaluate(() => location.hash), '#' + link, 'the address bar changed');
    await page.waitForFunction(() => /[\u3400-\u9fff]/.test(document.querySelector('h1').textContent) &&
                               document.documentElement.lang.startsWith('zh'), null, { timeout: 10000 });
    const fonts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/fonts\/cjk-/.test(n)));
    assert.ok(fonts.length >= 1, 'the Chinese font subset was not fetched');
    assert.equal(await page.isVisible('#figure-message'), false);
    await checkDrawn(page, shot(ctx.engine, 'link-zh'));
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['the embed: the copied code sizes its frame, host messages set it or are refused with the message, keys work after a click', async (ctx) => {
    // The snippet as the page's "Copy embed code" makes it in this engine.
    const source = await openApp(ctx, ctx.server.url + '#v=2&s=today', { viewport: { width: 900, height: 700 } }, 1);
    const snippet = await source.evaluate(() => window.ComputePoverty.embedCode());
    await source.close();
    fs.writeFileSync(path.join(ctx.hostDir, 'snippet.html'), hostPage(snippet, new URL(ctx.server.url).origin));
    const page = await ctx.browser.newPage({ viewport: { width: 900, height: 800 } });
    await page.goto(ctx.host.url + 'snippet.html');
    const frame = page.frame(0);
    await frame.waitForFunction(() => window.Module && window.Module.cpFrames >= 5 && window.ComputePoverty.last, null, { timeout: 30000 });
    // Auto-height: the frame takes the height the figure posts (it starts at the snippet's 760 px).
    await page.waitForFunction(() => window.received.some((m) => m && m.type === 'compute-poverty:height') &&
                               document.querySelector('iframe').getBoundingClientRect().height !== 760, null, { timeout: 15000 });
    await nextFrames(frame, 3);
    const s = await frame.evaluate(() => ({ content: Math.ceil(window.Module._cp_web_content_height()), frame: innerHeight, width: innerWidth }));
    assert.equal(s.width, 600);
    assert.ok(s.content > 760, `the figure is only ${s.content} px tall in a 600 px column`);
    assert.ok(Math.abs(s.frame - s.content) <= 1, `frame ${s.frame} px for ${s.content} px of figure`);
    const posted = await page.evaluate(() => window.received.filter((m) => m.type === 'compute-poverty:height').map((m) => m.height));
    assert.equal(Math.ceil(posted[posted.length - 1]), s.content);
    await checkDrawn(page, shot(ctx.engine, 'embed-host'), 'iframe');

    // A host message sets the figure; a value out of range is refused with the model's message.
    const first = await frame.evaluate(() => window.ComputePoverty.last);
    await page.evaluate(() => { window.received = []; window.send({ type: 'compute-poverty:set', params: { export_controls: 0.2 } }); });
    await page.waitForFunction(() => window.received.some((m) => m.type === 'compute-poverty:outcomes' && m.data.params.export_controls === 0.2),
                               null, { timeout: 8000 });
    const set = await page.evaluate(() => window.received.filter((m) => m.type === 'compute-poverty:outcomes').pop().data);
    assert.notEqual(set.outcomes.compute_ratio, first.outcomes.compute_ratio);
    await page.evaluate(() => { window.received = []; window.send({ type: 'compute-poverty:set', params: { privacy_law: 3 } }); });
    await page.waitForFunction(() => window.received.some((m) => m.type === 'compute-poverty:error'), null, { timeout: 8000 });
    assert.match(await page.evaluate(() => window.received.find((m) => m.type === 'compute-poverty:error').message),
                 /privacy_law.*3.*outside the allowed range/);
    assert.equal(await frame.evaluate(() => window.ComputePoverty.last.params.privacy_law), first.params.privacy_law);

    // Focus inside the frame: a click on the figure gives it the keys, and Ctrl+Z undoes the host's change.
    const box = await page.locator('iframe').boundingBox();
    await page.mouse.click(box.x + 3, box.y + 3);  // the frame's padding: no control there
    assert.equal(await frame.evaluate(() => document.hasFocus() && document.activeElement && document.activeElement.id), 'canvas',
                 'a click on the embed did not give its canvas the focus');
    await page.evaluate(() => { window.received = []; });
    await frame.shortcut('Control', 'z', 600);  // held for a few frames (ImGui 1.86 misses shorter presses)
    await page.waitForFunction((v) => window.received.some((m) => m.type === 'compute-poverty:outcomes' && m.data.params.export_controls === v),
                               first.params.export_controls, { timeout: 8000 });
    assert.deepEqual(await page.errors(), []);
    assert.deepEqual(await frame.evaluate(() => window.__cpErrors), []);
    await page.close();
  }],

  ['the phone layout: full-width canvas as tall as the figure at the pixel ratio, a slider dragged by touch (or mouse where the engine has no touch)', async (ctx) => {
    const touch = ctx.engine.touch;
    const width = Math.max(360, ctx.engine.minWidth);
    const page = await openApp(ctx, ctx.server.url, { viewport: { width, height: 740 }, deviceScaleFactor: 2, hasTouch: touch });
    const s = await canvasSizes(page);
    assert.ok(Math.abs(s.cssW - s.pageW) <= 1, `canvas ${s.cssW} CSS px wide on a ${s.pageW} px page`);
    assert.ok(s.cssH > s.cssW * 1.3, `canvas ${s.cssH} CSS px tall should exceed its width ${s.cssW}`);
    assert.equal(await page.evaluate(() => document.body.classList.contains('cp-fit')), true, 'not the fitted one-column layout');
    checkBackingStore(s);
    if (ctx.engine.name === 'firefox') assert.equal(s.dpr, 2);
    await checkDrawn(page, shot(ctx.engine, 'phone'));
    const value = () => page.evaluate(() => window.ComputePoverty.last.params.export_controls);
    const start = await value();
    const a = await controlPoint(page, 'export_controls', 0.1);
    const b = await controlPoint(page, 'export_controls', 0.9);
    if (touch) {
      const points = Array.from({ length: 9 }, (_, i) => ({ x: b.x + (a.x - b.x) * i / 8, y: b.y }));
      await page.touch([{ x: b.x, y: b.y }], () => nextFrames(page, 2));  // a tap first: the slider jumps there
      await page.waitForFunction((v) => window.ComputePoverty.last.params.export_controls > v + 0.05, start, { timeout: 5000 });
      await page.touch(points, () => nextFrames(page, 1));
    } else {
      await dragSlider(page, 'export_controls', 0.9, 0.1);
    }
    await page.waitForFunction((v) => window.ComputePoverty.last.params.export_controls < v - 0.4, start, { timeout: 5000 });
    await page.screenshot({ path: shot(ctx.engine, 'phone-after-drag') });
    assert.deepEqual(await page.errors(), []);
    await page.close();
  }],

  ['bad links are refused with the message and leave the defaults', async (ctx) => {
    const hostile = [
      ['#v=1&export_controls=5', /This link could not be used: .*export_controls.*5.*The figure shows the default scenario instead\./],
      ['#v=1&s=today&x=' + 'a'.repeat(10 * 1024), /This link could not be used: .*The figure shows the default scenario instead\./],
    ];
    for (const [hash, says] of hostile) {
      const page = await openApp(ctx, ctx.server.url + hash, { viewport: { width: 900, height: 700 } }, 2);
      await page.waitForFunction(() => !document.getElementById('figure-message').hidden, null, { timeout: 5000 });
      assert.match(await page.textContent('#figure-message'), says, hash.slice(0, 40));
      assert.equal(await page.isVisible('#figure-message'), true);
      assert.match(await page.evaluate(() => window.Module.ccall('cp_web_message', 'string', [], [])), says, 'the figure shows no message');
      assert.equal(await page.evaluate(() => window.ComputePoverty.last.hash), 'v=2&s=today', `${hash.slice(0, 40)}: the state changed`);
      if (hash === hostile[0][0]) {
        await page.screenshot({ path: shot(ctx.engine, 'hostile-link') });
        // The same through a new hash on the open page: refused whole, the figure keeps its settings.
        for (const h of ['%3Cscript%3Ealert(1)%3C/script%3E', 'v=1&s=today&export_controls=0.2&privacy_law=7', 'v=99&s=today']) {
          await page.evaluate(() => { const m = document.getElementById('figure-message'); m.hidden = true; m.textContent = ''; });
          await page.evaluate((x) => { location.hash = x; }, h);
          await page.waitForFunction(() => !document.getElementById('figure-message').hidden, null, { timeout: 5000 });
          // (A figure still at the defaults says so, rather than that it keeps its settings.)
          assert.match(await page.textContent('#figure-message'),
                       /This link could not be used: .+\. The figure (keeps its settings|shows the default scenario instead)\./, h);
          await nextFrames(page, 2);
          assert.equal(await page.evaluate(() => window.ComputePoverty.last.hash), 'v=2&s=today', h);
          // No script came in with the link (the only inline script is the test's error collector).
          assert.equal(await page.evaluate(() => [...document.querySelectorAll('script:not([src])')]
            .filter((e) => !e.textContent.includes('__cpErrors')).length), 0, h);
        }
      }
      assert.deepEqual(await page.errors(), []);
      await page.close();
    }
  }],
];

// Registers every case with node:test for `engine` (an adapter: firefox.mjs or webkit.mjs): one
// browser for the suite, the app's server, and a host server on another origin for the embed.
export function suite(engine) {
  const ctx = { engine };
  before(async () => {
    ctx.server = await startEngineServer();
    ctx.hostDir = fs.mkdtempSync(path.join(os.tmpdir(), `cp-host-${engine.name}-`));
    ctx.host = await startEngineServer(ctx.hostDir);
    const browser = await engine.launch();
    // Pages a failed case left open are closed after it (WebKit allows one page at a time).
    ctx.open = new Set();
    ctx.browser = {
      newPage: async (options) => {
        const page = await browser.newPage(options);
        ctx.open.add(page);
        const close = page.close.bind(page);
        page.close = () => { ctx.open.delete(page); return close(); };
        return page;
      },
      close: () => browser.close(),
    };
  });
  afterEach(async () => {
    for (const page of [...ctx.open]) await page.close();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    await ctx.host?.close();
    if (ctx.hostDir) fs.rmSync(ctx.hostDir, { recursive: true, force: true });
  });
  for (const [name, run] of cases) test(`${engine.name}: ${name}`, { timeout: 180000 }, (t) => run(ctx, t));
}
