// Web benchmark: page weight (raw and gzip) and the median time from navigation to the first drawn frame in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchChromium, distDir, repoRoot } from '../../tests/web/harness.mjs';

const runs = Number(process.env.CP_BENCH_RUNS || 5);
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
const fonts = fs.existsSync(fontDir) ? fs.readdirSync(fontDir).filter((f) => f.endsWith('.otf')).sort() : [];

console.log('file                         raw         gzip');
for (const [label, s] of rows) console.log(`${label.padEnd(22)} ${kb(s.raw)} ${kb(s.gzip)}`);
for (const f of fonts) console.log(`${('(in wasm) ' + f).padEnd(22)} ${kb(sizeOf(path.join(fontDir, f)).raw)} ${kb(sizeOf(path.join(fontDir, f)).gzip)}`);
const app = { raw: wasm.raw + js.raw, gzip: wasm.gzip + js.gzip };
const page = { raw: app.raw + html.raw + glue.raw, gzip: app.gzip + html.gzip + glue.gzip };
console.log(`${'app (wasm + js)'.padEnd(22)} ${kb(app.raw)} ${kb(app.gzip)}`);
console.log(`${'page total'.padEnd(22)} ${kb(page.raw)} ${kb(page.gzip)}`);

// Time to first frame: fresh context per run (no cache), the app marks 'cp-first-frame'.
const server = await startServer();
const browser = await launchChromium();
const times = [];
const ready = [];
try {
  for (let i = 0; i < runs; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('cp-first-frame').length > 0, null, { timeout: 30000 });
    const t = await page.evaluate(() => [performance.getEntriesByName('cp-first-frame')[0].startTime,
                                         (performance.getEntriesByName('cp-runtime-ready')[0] || {}).startTime]);
    times.push(t[0]);
    if (t[1] !== undefined) ready.push(t[1]);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
ready.sort((a, b) => a - b);
if (ready.length) console.log(`runtime ready (wasm fetched + compiled): median ${ready[Math.floor(ready.length / 2)].toFixed(0)} ms`);
const median = times[Math.floor(times.length / 2)];
console.log(`first frame: median ${median.toFixed(0)} ms over ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms; ` +
            'headless Chromium, SwiftShader, localhost)');

const check = (ok, text) => console.log(`${ok ? 'ok  ' : 'OVER'} ${text}`);
check(app.gzip <= 500 * 1024, `app wasm+js ${(app.gzip / 1024).toFixed(0)} KB gzip (target <= 500 KB)`);
check(page.gzip <= 1024 * 1024, `page ${(page.gzip / 1024).toFixed(0)} KB gzip (target <= 1 MB)`);
check(median <= 1500, `first frame ${median.toFixed(0)} ms (target <= 1500 ms)`);
