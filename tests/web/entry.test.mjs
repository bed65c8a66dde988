// Browser tests of typing exact values: Ctrl+click on first contact, paste and copy with the system clipboard, the numeric field on touch screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  useSuite, openApp, controlPoint, controlRects, screenshotDir, textField, ctrlClick, hold, leverValue as lever, pasteAccepted,
  pasteRefused,
} from './harness.mjs';

let server;
let browser;
let desk;  // one 1280x800 page, opened without any contact with the figure before the first test

useSuite((started) => ({ server, browser } = started), () => desk?.context.close());

const setClipboard = (page, text) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

test('Ctrl+click on a slider before any other contact with the figure opens its text box', async () => {
  desk = await openApp(browser, server.url, { viewport: { width: 1280, height: 800 } });
  const { page, errors } = desk;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // The Ctrl keydown goes to the page: nothing in the figure has had the focus yet.
  assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas');
  const start = await lever(page, 'export_controls');
  assert.equal(start, 0.75);
  const field = await ctrlClick(page, 'export_controls', 0.1);
  assert.equal(field.name, 'export_controls');
  assert.equal(field.text, '75');
  // The click did not set the slider to where it landed (10%).
  assert.equal(await lever(page, 'export_controls'), start);
  // Typed digits and Enter set it exactly.
  await page.keyboard.type('30');
  await hold(page, 'Enter');
  await page.waitForFunction(() => window.ComputePoverty.last.params.export_controls === 0.3, null, { timeout: 5000 });
  assert.equal(await textField(page), null);
  await page.waitForFunction(() => /export_controls=0\.3(&|$)/.test(location.hash), null, { timeout: 3000 });
  assert.deepEqual(errors, []);
});

test('paste into the text box: a valid value is applied; "abc" and "250" are refused with the message and change nothing', async () => {
  assert.ok(desk, 'needs the desktop page');
  const { page, errors } = desk;
  await setClipboard(page, '42.5');
  await pasteAccepted(page, 'export_controls', 0.9, '42.5', 0.425, 3000);
  const hash = await page.evaluate(() => location.hash);

  for (const [text, why] of [['abc', /\u201Cabc\u201D is not a number/], ['250', /250% is outside the range of Export controls, 0% to 100%/]]) {
    await setClipboard(page, text);
    await pasteRefused(page, 'export_controls', text, why, { value: 0.425, hash });
  }
  await page.screenshot({ path: path.join(screenshotDir, 'web-entry-refused-paste.png') });
  assert.deepEqual(errors, []);
});

test('copy and cut in the text box put its text on the system clipboard', async () => {
  assert.ok(desk, 'needs the desktop page');
  const { page, errors } = desk;
  await setClipboard(page, 'not from the figure');
  const field = await ctrlClick(page, 'cloud_denial', 0.5);
  assert.equal(field.name, 'cloud_denial');
  assert.ok(field.text.length > 0);
  await hold(page, 'c', 'Control');  // the whole text is selected when the box opens
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), field.text);
  // Cut takes it out of the box too.
  await setClipboard(page, 'not from the figure');
  await hold(page, 'x', 'Control');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), field.text);
  assert.equal((await textField(page)).text, '');
  await hold(page, 'Escape');
  assert.deepEqual(errors, []);
});

test('embed: a modified click means the same on first contact', async () => {
  await desk?.context.close();
  desk = null;
  const { context, page, errors } = await openApp(browser, server.url + '?embed=1&panels=levers',
                                                   { viewport: { width: 700, height: 600 } });
  const start = await lever(page, 'privacy_law');
  const field = await ctrlClick(page, 'privacy_law', 0.05);
  assert.equal(field.name, 'privacy_law');
  assert.equal(await lever(page, 'privacy_law'), start);
  assert.deepEqual(errors, []);
  await context.close();
});

test('touch: a tap on the value above a slider opens a numeric field; its value goes through the same check', async () => {
  const { context, page, errors } = await openApp(browser, server.url,
    { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const rects = await controlRects(page);
  assert.ok(rects['entry:cloud_denial'], `no value link (have: ${Object.keys(rects).join(', ')})`);
  const p = await controlPoint(page, 'entry:cloud_denial', 0.5);
  const start = await lever(page, 'cloud_denial');
  await page.touchscreen.tap(p.x, p.y);
  await page.waitForSelector('#entry-input', { state: 'visible', timeout: 5000 });
  const input = await page.evaluate(() => {
    const i = document.getElementById('entry-input');
    return { focused: document.activeElement === i, mode: i.getAttribute('inputmode'), value: i.value,
             label: document.querySelector('.entry-label').textContent };
  });
  assert.deepEqual(input, { focused: true, mode: 'decimal', value: String(Math.round(start * 100)), label: 'Cloud denial' });
  assert.equal(await lever(page, 'cloud_denial'), start, 'the tap reached the slider');
  // Refused: the field stays open and says why; the figure is unchanged.
  await page.fill('#entry-input', '250');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#entry-error', { state: 'visible', timeout: 3000 });
  assert.match(await page.textContent('#entry-error'), /250% is outside the range of Cloud denial/);
  assert.equal(await lever(page, 'cloud_denial'), start);
  await page.screenshot({ path: path.join(screenshotDir, 'web-entry-touch-field.png') });
  // Accepted: the field closes and the lever has the value.
  await page.fill('#entry-input', '62.5');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.ComputePoverty.last.params.cloud_denial === 0.625, null, { timeout: 5000 });
  assert.equal(await page.isVisible('.entry'), false);
  assert.deepEqual(errors, []);
  await context.close();
});
