// The page's string catalogue (assets/i18n/en.json, zh-Hans.json "page." keys): complete, same markup and placeholders, glossary terms, index.html in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = (lang) => path.join(repo, 'assets', 'i18n', `${lang}.json`);
const read = (lang) => JSON.parse(fs.readFileSync(file(lang), 'utf8'));
const pageKeys = (cat) => Object.keys(cat).filter((k) => k.startsWith('page.')).sort();
const CJK = /[\u3400-\u9fff]/;

// What must be the same in both languages: placeholders, source keys, tags, and every attribute
// (data-live, data-permalink, href, class...), each as a sorted list.
const placeholders = (s) => (s.match(/\{[A-Za-z0-9_]+\}/g) || []).sort();
const sourceKeys = (s) => (s.match(/\[S[^\]]*\]/g) || []).sort();
const tags = (s) => (s.match(/<\/?[A-Za-z][A-Za-z0-9]*/g) || []).map((t) => t.toLowerCase()).sort();
const attributes = (s) => (s.match(/<[A-Za-z][^>]*>/g) || [])
  .flatMap((tag) => tag.match(/[A-Za-z-]+="[^"]*"/g) || []).sort();

// GLOSSARY.md's terms as the page uses them: an English term in a string means its Chinese term in
// the translation (any of the listed forms).
const glossary = [
  [/export controls?/i, ['出口管制']],
  [/cloud denial|controls and denial/i, ['云服务拒绝']],
  [/privacy law/i, ['个人信息保护法', '隐私法规']],
  [/smuggl/i, ['走私']],
  [/latency/i, ['时延']],
  [/leverage/i, ['外国筹码']],
  [/data locali[sz]ation/i, ['数据本地化']],
  [/\bTry:/, ['试试：']],
  [/today's policy/i, ['当前政策']],
  [/oil world/i, ['石油世界']],
  [/cloud loophole/i, ['云漏洞']],
  [/commodity/i, ['商品观']],
  [/years behind/i, ['落后年数', '落后']],
  [/who is right\?/i, ['谁说得对？']],
  [/rent premium/i, ['租用溢价']],
  [/third.countr/i, ['第三国']],
  [/shapley/i, ['沙普利值']],
  [/monte carlo/i, ['蒙特卡洛']],
  [/uncertainty band/i, ['不确定性区间']],
  [/H100-equivalent/i, ['H100 等效']],
  [/largest training run/i, ['最大训练规模']],
  [/domestic chip/i, ['国产芯片']],
  [/foreign cloud/i, ['境外云']],
  [/usable compute/i, ['可用算力']],
  [/usable AI compute/i, ['可用 AI 算力']],
  [/seiz/i, ['扣押']],
  [/data centre/i, ['数据中心']],
  [/cluster/i, ['集群']],
  [/inference/i, ['推理']],
  [/restricted country/i, ['受限国家']],
  [/foreign models/i, ['境外模型']],
  [/compute poverty/i, ['算力贫困']],
  [/renting is not owning/i, ['租用不等于拥有']],
  [/switch(ed)? off|cut off/i, ['切断']],
];

test('every page string has a translation, and nothing else is in one catalogue only', () => {
  const en = read('en');
  const zh = read('zh-Hans');
  const missing = pageKeys(en).filter((k) => typeof zh[k] !== 'string' || !zh[k].trim());
  const extra = pageKeys(zh).filter((k) => !(k in en));
  assert.deepEqual(missing, [], 'English page strings without a Chinese translation');
  assert.deepEqual(extra, [], 'Chinese page strings with no English (English is the source: assets/i18n/en.json)');
  assert.ok(pageKeys(en).length >= 60, `${pageKeys(en).length} page keys: the page is not in the catalogue`);
  // Translated, not copied: Chinese text, unless the English is only a unit or a placeholder.
  const untranslated = pageKeys(en).filter((k) => !CJK.test(zh[k]) && (zh[k] !== en[k] || /[a-z]{3,}/.test(en[k].replace(/<[^>]*>|\{\w+\}/g, ''))));
  assert.deepEqual(untranslated, []);
});

test('placeholders, [Sx] source keys, tags and attributes are the same in both languages', () => {
  const en = read('en');
  const zh = read('zh-Hans');
  for (const k of pageKeys(en).filter((key) => key in zh)) {
    assert.deepEqual(placeholders(zh[k]), placeholders(en[k]), `${k}: placeholders`);
    assert.deepEqual(sourceKeys(zh[k]), sourceKeys(en[k]), `${k}: source keys`);
    assert.deepEqual(tags(zh[k]), tags(en[k]), `${k}: HTML tags`);
    assert.deepEqual(attributes(zh[k]), attributes(en[k]), `${k}: attributes (data-live, data-permalink, href...)`);
  }
});

test('glossary terms stay put: each English term appears as its Chinese term', () => {
  const en = read('en');
  const zh = read('zh-Hans');
  const wrong = [];
  for (const k of pageKeys(en).filter((key) => key in zh)) {
    for (const [term, chinese] of glossary) {
      if (term.test(en[k]) && !chinese.some((c) => zh[k].includes(c))) wrong.push(`${k}: "${term.source}" -> ${chinese.join(' / ')}`);
    }
    if (/计算能力/.test(zh[k])) wrong.push(`${k}: 计算能力 (the glossary says 算力)`);
    if (/[\u3400-\u9fff][,;:?!()]|[,;:?!(][\u3400-\u9fff]/.test(zh[k].replace(/<[^>]*>/g, ''))) wrong.push(`${k}: half-width punctuation beside Chinese`);
  }
  assert.deepEqual(wrong, []);
});

test('catalogues are flat, sorted, 2-space indented UTF-8 JSON', () => {
  for (const lang of ['en', 'zh-Hans']) {
    const text = fs.readFileSync(file(lang), 'utf8');
    const cat = JSON.parse(text);
    const sorted = Object.fromEntries(Object.keys(cat).sort().map((k) => [k, cat[k]]));
    assert.ok(Object.values(cat).every((v) => typeof v === 'string'), `${lang}: not flat`);
    assert.equal(text, JSON.stringify(sorted, null, 2) + '\n', `${lang}: not sorted, or not 2-space indented`);
  }
});

test('index.html carries en.json\'s page strings (scripts/i18n-page --check)', () => {
  const r = spawnSync('python3', [path.join(repo, 'scripts', 'i18n-page'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
});
