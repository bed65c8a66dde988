// Browser tests of the Chinese figure: lang=zh fetches the CJK font and strings (and only then), the figure and its text layer speak Chinese, links keep the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useSuite, openApp, nextFrames, screenshotDir, pngStats } from './harness.mjs';

let server;
let browser;
useSuite((started) => ({ server, browser } = started));

const CJK = /[\u4e00-\u9fff]/;

// Opens a page while recording every URL it requests.
async function openRecording(url, options) {
  const requested = [];
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => (window.Module && window.Module.cpFrames) >= 4 ||
                             document.body.classList.contains('cp-failed'), null, { timeout: 30000 });
  return { context, page, requested, errors };
}

const fontRequests = (list) => list.filter((p) => /\/fonts\/cjk-|\/i18n\//.test(p));

test('a link with lang=zh opens the figure in Chinese from its first frame, with its font fetched', async () => {
  const { context, page, requested, errors } = await openRecording(server.url + '#v=2&s=today&lang=zh',
                                                                   { viewport: { width: 1280, height: 800 } });
  try {
    assert.deepEqual(errors, []);
    assert.ok(!(await page.evaluate(() => document.body.classList.contains('cp-failed'))));
    for (const file of ['/i18n/zh-Hans.figure.json', '/fonts/cjk-regular.otf', '/fonts/cjk-bold.otf'])
      assert.ok(requested.includes(file), `${file} was not requested: ${requested.join(' ')}`);
    // The figure's own words, as the text layer repeats them, are Chinese; its numbers are the model's.
    const last = await page.evaluate(() => window.ComputePoverty.last);
    assert.match(last.sentence, CJK, `headline sentence: ${last.sentence}`);
    assert.match(last.hash, /(^|&)lang=zh(&|$)/);
    assert.ok(last.outcomes.years_behind > 1 && last.outcomes.years_behind < 3);
    const layer = await page.evaluate(() => document.getElementById('outcomes').textContent);
    assert.match(layer, CJK);
    const shot = await page.screenshot({ path: path.join(screenshotDir, 'web-zh-1280x800.png') });
    const stats = await pngStats(page, shot);
    assert.ok(stats.colours > 50, 'the Chinese figure drew next to nothing');
  } finally {
    await context.close();
  }
});

test('the English page never fetches the Chinese font or strings', async () => {
  const { context, requested, errors } = await openRecording(server.url + '#v=2&s=today',
                                                             { viewport: { width: 1100, height: 800 } });
  try {
    assert.deepEqual(errors, []);
    assert.deepEqual(fontRequests(requested), []);
  } finally {
    await context.close();
  }
});

test('switching to Chinese and back: the figure follows, the link carries lang=zh, English returns unchanged', async () => {
  const { context, page, errors } = await openRecording(server.url, { viewport: { width: 1100, height: 800 } });
  try {
    const english = await page.evaluate(() => window.ComputePoverty.last.sentence);
    assert.doesNotMatch(english, CJK);
    assert.equal(await page.evaluate(() => window.ComputePoverty.setLanguage('zh')), '');
    await nextFrames(page, 3);
    await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(window.ComputePoverty.last.sentence), null, { timeout: 10000 });
    await page.waitForFunction(() => /lang=zh/.test(location.hash), null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.ComputePoverty.setLanguage('en')), '');
    await nextFrames(page, 3);
    await page.waitForFunction((s) => window.ComputePoverty.last.sentence === s, english, { timeout: 10000 });
    assert.doesNotMatch(await page.evaluate(() => location.hash), /lang=/);
    // The embed code carries the language the reader chose.
    await page.evaluate(() => window.ComputePoverty.setLanguage('zh'));
    await page.waitForFunction(() => /lang=zh/.test(window.ComputePoverty.last.hash), null, { timeout: 10000 });
    assert.match(await page.evaluate(() => window.ComputePoverty.embedCode()), /lang=zh/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a phone opening a Chinese embed (?lang=zh) gets the Chinese figure', async () => {
  const { context, page, requested, errors } = await openRecording(
    server.url + '?embed=1&lang=zh&panels=headline,chart,levers#v=2&s=today',
    { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  try {
    assert.deepEqual(errors, []);
    assert.ok(requested.includes('/fonts/cjk-regular.otf'));
    assert.match(await page.evaluate(() => window.ComputePoverty.last.sentence), CJK);
    await page.screenshot({ path: path.join(screenshotDir, 'web-zh-embed-360x640.png') });
  } finally {
    await context.close();
  }
});
