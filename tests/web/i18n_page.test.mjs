// Browser tests of the Chinese page: lang=zh links, the 中文 / English switch, nothing fetched for it on the English page, the embed's lang=zh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSuite, distDir, screenshotDir, waitFrames, pauseApp } from './harness.mjs';

let server;
let browser;
const CJK = /[\u3400-\u9fff]/;
const shots = process.env.CP_I18N_SHOTS || screenshotDir;
// What only the Chinese page may fetch: its strings and any font.
const chineseOnly = (url) => /\/i18n\/|\.(woff2?|ttf|otf|ttc)(\?|$)|font/i.test(new URL(url).pathname);

useSuite((started) => {
  ({ server, browser } = started);
  fs.mkdirSync(shots, { recursive: true });
});

// Opens `hash` (or a path with a query) in a new context, recording every request; waits for `ready`.
async function open(rel, contextOptions = {}, ready = null) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...contextOptions });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + rel);
  if (ready) await page.waitForFunction(ready, null, { timeout: 15000 });
  return { context, page, requests, errors };
}

const chinese = () => document.documentElement.lang === 'zh-Hans';

// What the reader sees: headings, title, the switch, the section buttons' links.
const snapshot = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang,
  title: document.title,
  description: document.querySelector('meta[name="description"]').content,
  h1: document.querySelector('h1').textContent,
  h2: [...document.querySelectorAll('h2')].map((h) => h.textContent),
  pressed: [...document.querySelectorAll('.lang-switch [data-lang]')].map((b) => b.dataset.lang + ':' + b.getAttribute('aria-pressed')),
  links: [...document.querySelectorAll('[data-permalink]')].map((b) => b.getAttribute('data-permalink')),
  hidden: document.documentElement.classList.contains('cp-i18n-wait') ||
          getComputedStyle(document.querySelector('main')).visibility === 'hidden',
}));

// Every marked element's markup and attributes, and the numbers in the text.
const marked = (page) => page.evaluate(() => ({
  html: [...document.querySelectorAll('[data-i18n]')].map((e) => [e.dataset.i18n, e.innerHTML]),
  attrs: [...document.querySelectorAll('[data-i18n-attr]')].map((e) => e.dataset.i18nAttr.split(';')
    .map((s) => s.split(':')[0]).map((a) => [a, e.getAttribute(a)])),
  live: [...document.querySelectorAll('[data-live]')].map((e) => [e.dataset.live, e.textContent]),
}));

test('a lang=zh link opens the Chinese page: headings, title, lang attribute, links that keep the language', async () => {
  const catalogue = JSON.parse(fs.readFileSync(path.join(distDir, 'i18n', 'zh-Hans.page.json'), 'utf8'));
  for (const [hash, viewports] of [['#lang=zh', [[1280, 800], [360, 640]]], ['#v=2&s=today&cloud_denial@2028=1&lang=zh', []]]) {
    const { context, page, errors } = await open(hash, {}, chinese);
    const s = await snapshot(page);
    assert.equal(s.lang, 'zh-Hans', hash);
    assert.ok(CJK.test(s.h1) && s.h2.length >= 10 && s.h2.every((h) => CJK.test(h)), `${hash}: ${s.h1} | ${s.h2.join(' | ')}`);
    assert.equal(s.title, catalogue['page.meta.title'], hash);
    assert.equal(s.description, catalogue['page.meta.description'], hash);
    assert.deepEqual(s.pressed, ['zh:true', 'en:false'], hash);
    assert.equal(s.hidden, false, `${hash}: the article is still hidden`);
    assert.ok(s.links.length >= 12 && s.links.every((l) => /^v=1&.*&lang=zh$/.test(l)), s.links.join(' '));
    // Every marked string is the catalogue's (those with numbers that follow the figure: but for the numbers).
    const m = await marked(page);
    const strip = (h) => h.replace(/(<span[^>]*data-live="[^"]*"[^>]*>)[^<]*(<\/span>)/g, '$1$2');
    for (const [key, html] of m.html) assert.equal(strip(html), strip(catalogue[key]), key);
    // The link is the reader's, state and all.
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), hash);
    // The sources table in Chinese.
    await page.waitForSelector('#param-table table', { timeout: 10000 });
    assert.equal(await page.textContent('#param-table thead th'), catalogue['page.params.head_parameter']);
    for (const [w, h] of viewports) {
      await page.setViewportSize({ width: w, height: h });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shots, `zh-top-${w}x${h}.png`) });
      await page.evaluate(() => document.querySelector('#cloud').scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(shots, `zh-section-${w}x${h}.png`) });
      await page.evaluate(() => document.querySelector('#param-table').scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(shots, `zh-sources-${w}x${h}.png`) });
      if (w === 360) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `the Chinese page is ${width} px wide at 360 px`);
      }
    }
    assert.deepEqual(errors, [], hash);
    await context.close();
  }
});

test('a Chinese link hides the English until the Chinese is in, and shows the English if the strings never come', async () => {
  // Slow strings: the article is hidden meanwhile (no flash of English), then Chinese.
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/i18n/zh-Hans.page.json', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(server.url + '#v=2&s=oil_world&lang=zh', { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(300);
  const waiting = await snapshot(page);
  assert.equal(waiting.hidden, true, 'the English article is visible while the Chinese loads');
  release();
  await page.waitForFunction(chinese, null, { timeout: 10000 });
  assert.equal((await snapshot(page)).hidden, false);
  await context.close();

  // No strings: the English page, readable.
  const { context: c2, page: p2 } = await open('#lang=zh', {}, () => document.readyState === 'complete');
  await c2.route('**/i18n/**', (route) => route.abort());
  await p2.reload();
  await p2.waitForFunction(() => !document.documentElement.classList.contains('cp-i18n-wait'), null, { timeout: 10000 });
  const failed = await snapshot(p2);
  assert.equal(failed.lang, 'en');
  assert.equal(failed.h1, 'Compute Poverty');
  assert.equal(failed.hidden, false);
  await c2.close();
});

test('an old link opens in English with no catalogue or font fetched; the switch goes to Chinese and back to the same English', async () => {
  const { context, page, requests, errors } = await open('#v=1&s=cloud_loophole', {}, null);
  await waitFrames(page, 3);
  const en = await snapshot(page);
  assert.equal(en.lang, 'en');
  assert.equal(en.h1, 'Compute Poverty');
  assert.ok(![en.title, en.h1, ...en.h2].some((t) => CJK.test(t)), `Chinese on the English page: ${en.title} ${en.h2}`);
  assert.deepEqual(en.pressed, ['zh:false', 'en:true']);
  assert.ok(en.links.every((l) => !l.includes('lang=')), en.links.join(' '));
  await page.waitForSelector('#param-table table', { timeout: 10000 });
  assert.deepEqual(requests.filter(chineseOnly), [], 'the English page fetched Chinese-only files');
  const english = await marked(page);
  assert.ok(english.html.length >= 55, `${english.html.length} marked elements`);
  const table = await page.innerHTML('#param-table');

  // To Chinese by mouse.
  await page.click('.lang-switch [data-lang="zh"]');
  await page.waitForFunction(chinese, null, { timeout: 10000 });
  const zh = await snapshot(page);
  assert.ok(CJK.test(zh.h1) && zh.h2.every((h) => CJK.test(h)), zh.h2.join(' | '));
  assert.ok(CJK.test(zh.title), zh.title);
  assert.deepEqual(zh.pressed, ['zh:true', 'en:false']);
  assert.ok(zh.links.every((l) => l.endsWith('&lang=zh')), zh.links.join(' '));
  // The numbers that follow the figure are still there, with their values, now in the figure's
  // Chinese ("1.8 years" -> "1.8 年"): the same spans and the same digits.
  await page.waitForFunction(() => /\u5e74/.test(document.querySelector('[data-live="years_behind"]')?.textContent || ''),
                             null, { timeout: 10000 });
  const digits = (live) => live.map(([name, text]) => [name, (String(text).match(/[\d.]+/g) || []).join(' ')]);
  assert.deepEqual(digits((await marked(page)).live), digits(english.live));
  await page.waitForFunction(() => /(^#|&)lang=zh(&|$)/.test(location.hash), null, { timeout: 5000 });
  assert.match(await page.evaluate(() => location.hash), /s=cloud_loophole/, 'the state left the link');
  await page.waitForFunction(() => /[\u3400-\u9fff]/.test(document.querySelector('#param-table thead th')?.textContent || ''), null,
                             { timeout: 5000 });

  // Back to English by keyboard: exactly the English the page opened with, and no second fetch.
  await page.focus('.lang-switch [data-lang="en"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
  assert.deepEqual(await marked(page), english);
  const back = await snapshot(page);
  assert.deepEqual({ ...back, hidden: false }, { ...en, hidden: false });
  assert.equal(await page.innerHTML('#param-table'), table);
  await page.waitForFunction(() => !/lang=/.test(location.hash), null, { timeout: 5000 });
  await page.click('.lang-switch [data-lang="zh"]');
  await page.waitForFunction(chinese, null, { timeout: 10000 });
  // Each Chinese file was fetched once, however often the reader switched.
  for (const file of ['/i18n/zh-Hans.page.json', '/i18n/zh-Hans.figure.json', '/fonts/cjk-regular.otf'])
    assert.equal(requests.filter((u) => u.endsWith(file)).length, 1, `${file}: ${requests.join(' ')}`);
  await pauseApp(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the sources table uses the catalogue\'s param.<key>.label and .meaning in Chinese, English where it has none', async () => {
  const real = JSON.parse(fs.readFileSync(path.join(distDir, 'i18n', 'zh-Hans.page.json'), 'utf8'));
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const extra = { 'param.export_controls.label': '出口管制', 'param.export_controls.meaning': '测试用的含义' };
  const served = { ...real, ...extra };
  delete served['param.cloud_denial.label'];  // a parameter the catalogue lacks keeps its English
  await context.route('**/i18n/zh-Hans.page.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(served) }));
  await context.route('**/app.wasm', (route) => route.abort());  // the table needs no figure
  const page = await context.newPage();
  await page.goto(server.url + '#lang=zh');
  await page.waitForFunction(chinese, null, { timeout: 10000 });
  await page.waitForSelector('#param-table tbody tr', { timeout: 10000 });
  const rows = await page.$$eval('#param-table tbody tr', (trs) => trs.map((tr) => ({
    key: tr.querySelector('code').textContent, name: tr.querySelector('th').firstChild.textContent,
    title: tr.querySelector('th').title, value: tr.querySelector('td').textContent })));
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
  assert.equal(byKey.export_controls.name, '出口管制');
  assert.equal(byKey.export_controls.title, '测试用的含义');
  assert.equal(byKey.cloud_denial.name, 'Cloud denial', 'no translation: the English label');
  // Chinese counts and units: 万 and H100 等效, 亿美元, 毫秒.
  assert.equal(byKey.legal_quota.value, '21.6 万 H100 等效/年0 至 500 万 H100 等效/年');
  assert.equal(byKey.frontier_budget_2025.value, '1600 亿美元/年100 亿至 5 万亿美元/年');
  assert.equal(byKey.rtt_abroad_ms.value, '60 毫秒5 至 500 毫秒');
  await context.close();
});

test('the embed: ?lang=zh on embed.html reaches the figure\'s page, which is then Chinese', async () => {
  const { context, page } = await open('embed.html?panels=headline,chart&lang=zh#v=2&s=today', {}, null);
  await page.waitForURL(/\/\?embed=1&panels=headline,chart&lang=zh(&origin=[^#]*)?#v=2&s=today$/, { timeout: 10000 });
  await page.waitForFunction(chinese, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.ComputePovertyI18n.requested()), 'zh');
  await context.close();
  // Without lang, the embed stays English and fetches nothing for Chinese.
  const plain = await open('embed.html?panels=headline#v=2&s=today', {}, () => /embed=1/.test(location.search));
  await plain.page.waitForLoadState('load');
  assert.equal(await plain.page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(plain.requests.filter(chineseOnly), []);
  await plain.context.close();
});
