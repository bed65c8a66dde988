// Browser tests of the reading layout: from 1200 px the figure stays in view beside the article; phones keep one column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useSuite, openApp, nextFrames, pauseApp, resumeApp, screenshotDir } from './harness.mjs';

let server;
let browser;
useSuite((started) => ({ server, browser } = started));

// Where the section and the canvas are on the screen, and how far the page is scrolled.
const where = (page, section) => page.evaluate((id) => {
  const s = document.getElementById(id).getBoundingClientRect();
  const c = document.getElementById('canvas').getBoundingClientRect();
  return { scrollY: window.scrollY, sectionTop: s.top, sectionBottom: s.bottom, canvasTop: c.top, canvasBottom: c.bottom,
           canvasLeft: c.left, canvasWidth: c.width, viewport: innerHeight };
}, section);

// Screenshots for review, taken with the app's main loop paused so that none catches a frame half
// drawn. Each of `shots` is [file, where]: where the page is scrolled first (a section's id: that
// section at the window's top; 0: the page's top; null: where it is).
async function screenshots(page, shots) {
  await pauseApp(page);
  for (const [file, where] of shots) {
    if (where === 0) await page.evaluate(() => window.scrollTo(0, 0));
    else if (where) await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'start' }), where);
    await page.screenshot({ path: path.join(screenshotDir, file) });
  }
  await resumeApp(page);
}

test('1280x800: a section\'s Show button changes the figure beside it; the reader stays in the section', async () => {
  const { context, page, errors } = await openApp(browser, server.url, { viewport: { width: 1280, height: 800 } });
  // Down to the privacy section, the way a reader gets there: scrolling the article.
  await page.evaluate(() => document.getElementById('privacy').scrollIntoView({ block: 'center' }));
  await nextFrames(page, 2);
  const before = await where(page, 'privacy');
  assert.ok(before.scrollY > 800, `the page scrolled only ${before.scrollY} px: the section is not below the fold`);
  // The figure is on the screen beside the section, and fills the window's height.
  assert.ok(before.canvasTop >= 0 && before.canvasTop < 40 && before.canvasBottom > 600 && before.canvasBottom <= 800,
            `the figure is not in view beside the section: ${JSON.stringify(before)}`);
  assert.ok(before.canvasLeft > 400 && before.canvasWidth > 640, `the figure is not beside the text: ${JSON.stringify(before)}`);
  const button = page.locator('button[data-permalink="v=1&s=data_localisation"]');
  const buttonBefore = await button.boundingBox();
  await button.click();
  await page.waitForFunction(() => window.ComputePoverty.last.scenario === 'data_localisation', null, { timeout: 5000 });
  await nextFrames(page, 3);
  await page.waitForTimeout(600);  // a smooth scroll, if any, has finished
  const after = await where(page, 'privacy');
  assert.equal(after.scrollY, before.scrollY, 'the page moved when the button was pressed');
  assert.ok(after.sectionTop < after.viewport && after.sectionBottom > 0, `the section left the screen: ${JSON.stringify(after)}`);
  assert.deepEqual(await button.boundingBox(), buttonBefore);
  assert.ok(after.canvasTop >= 0 && after.canvasBottom <= 800 && after.canvasBottom - after.canvasTop > 600,
            `the figure is not in view: ${JSON.stringify(after)}`);
  // The figure shows its top (the headline says what changed) and lays out two columns in its column.
  const layout = await page.evaluate(() => {
    const rects = JSON.parse(window.Module.ccall('cp_web_control_rects', 'string', [], []));
    const at = Object.fromEntries(rects.map((r) => [r.name, r]));
    return { lever: at.export_controls, canvasWidth: document.getElementById('canvas').getBoundingClientRect().width };
  });
  assert.ok(layout.lever && layout.lever.w < layout.canvasWidth * 0.5, `the levers are not a column of their own: ${JSON.stringify(layout)}`);
  assert.ok(layout.lever.y >= 0 && layout.lever.y < 400, `the figure does not show its top: ${JSON.stringify(layout)}`);
  await screenshots(page, [['web-reading-1280x800-section.png', null], ['web-reading-1280x800-top.png', 0],
                           ['web-reading-1280x800-sources.png', 'sources']]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('360x640: phones keep the one-column page (the figure scrolls away with the article)', async () => {
  const { context, page, errors } = await openApp(browser, server.url,
    { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const top = await where(page, 'privacy');
  assert.ok(Math.abs(top.canvasWidth - 360) <= 1, `the figure is not full width: ${JSON.stringify(top)}`);
  await page.evaluate(() => document.getElementById('privacy').scrollIntoView({ block: 'start' }));
  const below = await where(page, 'privacy');
  assert.ok(below.canvasBottom < 0, `the figure stayed on the screen: ${JSON.stringify(below)}`);
  await screenshots(page, [['web-reading-360x640-section.png', null], ['web-reading-360x640-who.png', 'who']]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('1440x900: after each section\'s Show button, that button and the figure\'s headline are both on the screen', async () => {
  const { context, page, errors } = await openApp(browser, server.url, { viewport: { width: 1440, height: 900 } });
  const ids = await page.$$eval('main section', (s) => s.filter((x) => x.querySelector('button[data-permalink]')).map((x) => x.id));
  assert.ok(ids.length >= 9, `only ${ids.length} sections with a button`);
  for (const id of ids) {
    await page.evaluate((s) => document.getElementById(s).scrollIntoView({ block: 'center' }), id);
    await nextFrames(page, 2);
    const button = page.locator(`#${id} button[data-permalink]`).first();
    const link = await button.getAttribute('data-permalink');
    await button.click();
    await page.waitForFunction((l) => {
      const s = new URLSearchParams(l).get('s');
      return !s || window.ComputePoverty.last.scenario === s;
    }, link, { timeout: 5000 });
    await nextFrames(page, 3);
    await page.waitForTimeout(300);
    const box = await button.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `${id}: the button left the screen (${JSON.stringify(box)})`);
    // The headline is the figure's top: its sentence starts near the canvas's top edge, on the screen.
    const top = await page.evaluate(() => {
      const c = document.getElementById('canvas').getBoundingClientRect();
      const rects = JSON.parse(window.Module.ccall('cp_web_control_rects', 'string', [], []));
      const lever = rects.find((r) => r.name === 'export_controls');
      return { canvasTop: c.top, canvasBottom: c.bottom, leverY: lever ? c.top + lever.y : null };
    });
    assert.ok(top.canvasTop >= 0 && top.canvasTop < 60 && top.canvasBottom <= 900,
              `${id}: the figure is not in view: ${JSON.stringify(top)}`);
    assert.ok(top.leverY !== null && top.leverY >= 0 && top.leverY < 300, `${id}: the figure does not show its top: ${JSON.stringify(top)}`);
  }
  await screenshots(page, [['web-reading-1440x900-top.png', 0]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('2560x1440: the reading layout at a large screen (for review)', async () => {
  const { context, page, errors } = await openApp(browser, server.url, { viewport: { width: 2560, height: 1440 } });
  await page.evaluate(() => document.getElementById('timeline').scrollIntoView({ block: 'center' }));
  await nextFrames(page, 3);
  const c = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().toJSON());
  assert.ok(c.top >= 0 && c.bottom <= 1440 && c.width > 1200, `the figure is not in view beside the text: ${JSON.stringify(c)}`);
  await screenshots(page, [['web-reading-2560x1440.png', null]]);
  assert.deepEqual(errors, []);
  await context.close();
});
