// Web benchmark: page weight (raw and gzip), the median time to the first drawn frame, and frame times while dragging a lever, in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchChromium, distDir, repoRoot, openApp, nextFrames } from '../../tests/web/harness.mjs';
import { measureDrag } from './drag.mjs';

const runs = Number(process.env.CP_BENCH_RUNS || 5);
const ENGLISH_BEFORE = 396066;  // bytes, gzip -9: the English page of 0941dd2, staged as today (see the check at the end)
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

function sizeOf(file) {
  const buf = fs.readFileSync(file);
  return { raw: buf.length, gzip: gz(buf) };
}

const rows = [];
const add = (label, s) => { rows.push([label, s]); return s; };
const wasm = add('app.wasm', sizeOf(path.join(distDir, 'app.wasm')));
const js = add('app.js', sizeOf(path.join(distDir, 'app.js')));
const html = add('index.html', sizeOf(path.join(distDir, 'index.html')));
let glue = { raw: 0, gzip: 0 };
for (const f of fs.readdirSync(path.join(distDir, 'web')).sort()) {
  const s = add('web/' + f, sizeOf(path.join(distDir, 'web', f)));
  glue = { raw: glue.raw + s.raw, gzip: glue.gzip + s.gzip };
}
// The fonts are compiled into app.wasm (counted there); listed for reference.
const fontDir = path.join(repoRoot, 'build', 'web-release', 'assets', 'fonts');
const fonts = fs.existsSync(fontDir) ? fs.readdirSync(fontDir).filter((f) => /^Inter-.*\.otf$/.test(f)).sort() : [];  // CJK: fetched

console.log('file                         raw         gzip');
for (const [label, s] of rows) console.log(`${label.padEnd(22)} ${kb(s.raw)} ${kb(s.gzip)}`);
for (const f of fonts) console.log(`${('(in wasm) ' + f).padEnd(22)} ${kb(sizeOf(path.join(fontDir, f)).raw)} ${kb(sizeOf(path.join(fontDir, f)).gzip)}`);
const app = { raw: wasm.raw + js.raw, gzip: wasm.gzip + js.gzip };
const page = { raw: app.raw + html.raw + glue.raw, gzip: app.gzip + html.gzip + glue.gzip };
console.log(`${'app (wasm + js)'.padEnd(22)} ${kb(app.raw)} ${kb(app.gzip)}`);
console.log(`${'page total'.padEnd(22)} ${kb(page.raw)} ${kb(page.gzip)}`);
// What Chinese adds, fetched only when a reader asks for it: the catalogues and the CJK font subsets.
let chinese = { raw: 0, gzip: 0 };
for (const dir of ['i18n', 'fonts']) {
  const full = path.join(distDir, dir);
  if (!fs.existsSync(full)) continue;
  for (const f of fs.readdirSync(full).sort()) {
    const s = sizeOf(path.join(full, f));
    console.log(`${(dir + '/' + f).padEnd(22)} ${kb(s.raw)} ${kb(s.gzip)}   (Chinese only)`);
    chinese = { raw: chinese.raw + s.raw, gzip: chinese.gzip + s.gzip };
  }
}
console.log(`${'Chinese extra'.padEnd(22)} ${kb(chinese.raw)} ${kb(chinese.gzip)}`);

// Time to first frame: fresh context per run (no cache), the app marks 'cp-first-frame'.
const server = await startServer();
const browser = await launchChromium();
const times = [];
const ready = [];
const timesZh = [];
const englishFetchedChinese = [];
let drag = { cpu: [], raf: [] };
try {
  for (let i = 0; i < runs; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('request', (r) => { if (/\/(fonts\/cjk-|i18n\/)/.test(r.url())) englishFetchedChinese.push(r.url()); });
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('cp-first-frame').length > 0, null, { timeout: 30000 });
    const t = await page.evaluate(() => [performance.getEntriesByName('cp-first-frame')[0].startTime,
                                         (performance.getEntriesByName('cp-runtime-ready')[0] || {}).startTime]);
    times.push(t[0]);
    if (t[1] !== undefined) ready.push(t[1]);
    await context.close();
  }
  // The same in Chinese (a link with lang=zh): the font and strings load beside the wasm.
  for (let i = 0; i < runs; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + '#v=2&lang=zh');
    await page.waitForFunction(() => performance.getEntriesByName('cp-first-frame').length > 0, null, { timeout: 30000 });
    timesZh.push(await page.evaluate(() => performance.getEntriesByName('cp-first-frame')[0].startTime));
    await context.close();
  }
  // Dragging: the export-controls lever swept back and forth with the mouse for ~2 s. The app
  // reports its CPU time per frame (UI build + recompute, cp_web_frame_ms); the page records the
  // intervals between animation frames (what the reader sees, SwiftShader's drawing included).
  const { context, page } = await openApp(browser, server.url, { viewport: { width: 1280, height: 900 } });
  await nextFrames(page, 5);
  drag = await measureDrag(page);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
const pct = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
times.sort((a, b) => a - b);
ready.sort((a, b) => a - b);
if (ready.length) console.log(`runtime ready (wasm fetched + compiled): median ${ready[Math.floor(ready.length / 2)].toFixed(0)} ms`);
const median = times[Math.floor(times.length / 2)];
console.log(`first frame: median ${median.toFixed(0)} ms over ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms; ` +
            'headless Chromium, SwiftShader, localhost)');

const medianZh = pct(timesZh, 0.5);
console.log(`first frame in Chinese: median ${medianZh.toFixed(0)} ms over ${runs} runs (${timesZh.map((t) => t.toFixed(0)).join(', ')} ms); ` +
            `${(medianZh / median).toFixed(2)}x the English`);

const cpuMed = pct(drag.cpu, 0.5), cpuP95 = pct(drag.cpu, 0.95);
console.log(`dragging a lever for 2 s: app CPU per frame (UI + recompute) median ${cpuMed.toFixed(2)} ms, p95 ${cpuP95.toFixed(2)} ms ` +
            `over ${drag.cpu.length} frames; requestAnimationFrame interval median ${pct(drag.raf, 0.5).toFixed(1)} ms, ` +
            `p95 ${pct(drag.raf, 0.95).toFixed(1)} ms (headless, SwiftShader software GL)`);
const check = (ok, text) => console.log(`${ok ? 'ok  ' : 'OVER'} ${text}`);
check(cpuMed <= 4, `per-frame CPU while dragging ${cpuMed.toFixed(2)} ms median (target <= 4 ms)`);
check(app.gzip <= 350 * 1024, `app wasm+js ${(app.gzip / 1024).toFixed(0)} KB gzip (target <= 350 KB)`);
check(page.gzip <= 1024 * 1024, `page ${(page.gzip / 1024).toFixed(0)} KB gzip (target <= 1 MB)`);
check(median <= 1000, `first frame ${median.toFixed(0)} ms (target <= 1000 ms)`);
// The Chinese edition's budgets (issue 12). The English page before it: a build of 0941dd2 (the last
// commit without it) staged as scripts/stage-dist stages today (JavaScript without comment lines),
// app + index.html + web/*.
const ENGLISH_PAGE_BEFORE_CHINESE_GZIP = Number(process.env.CP_BENCH_ENGLISH_BEFORE || 0) || ENGLISH_BEFORE;
check(page.gzip - ENGLISH_PAGE_BEFORE_CHINESE_GZIP <= 5 * 1024,
      `English page ${((page.gzip - ENGLISH_PAGE_BEFORE_CHINESE_GZIP) / 1024).toFixed(1)} KB gzip larger than before the ` +
      `Chinese edition (target <= 5 KB)`);
check(englishFetchedChinese.length === 0, `English page fetched ${englishFetchedChinese.length} Chinese files (target 0)`);
check(chinese.gzip <= 400 * 1024, `Chinese extra download ${(chinese.gzip / 1024).toFixed(0)} KB gzip (target <= 400 KB)`);
check(medianZh <= 1500, `first frame in Chinese ${medianZh.toFixed(0)} ms (target <= 1500 ms)`);
