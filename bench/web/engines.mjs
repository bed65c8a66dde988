// Web benchmark per browser engine: median first frame and the app's CPU per frame while a lever is dragged, in Chromium, Firefox and WebKit (run under xvfb-run).
import { launchChromium, nextFrames } from '../../tests/web/harness.mjs';
import { measureDrag } from './drag.mjs';
import { startEngineServer } from '../../tests/engines/page.mjs';
import { engine as firefox } from '../../tests/engines/firefox.mjs';
import { engine as webkit } from '../../tests/engines/webkit.mjs';

const runs = Number(process.env.CP_BENCH_RUNS || 5);
const only = (process.env.CP_BENCH_ENGINES || 'chromium,firefox,webkit').split(',');

// Chromium through Playwright already has the page shape the adapters imitate.
const chromium = {
  name: 'chromium',
  async launch() {
    const browser = await launchChromium();
    return {
      newPage: async ({ viewport }) => {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        page.close = () => context.close();
        return page;
      },
      close: () => browser.close(),
    };
  },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

// First frame: a fresh page each run (a new context or browser session: nothing cached), from
// navigation to the app's 'cp-first-frame' mark. Dragging: as bench/web/run.mjs does in Chromium,
// export controls swept back and forth for 2 s; one sample of cp_web_frame_ms per app frame.
async function measure(engine, url) {
  const browser = await engine.launch();
  const first = [];
  const drag = { cpu: [], frames: 0 };
  try {
    for (let i = 0; i < runs; ++i) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('cp-first-frame').length > 0, null, { timeout: 60000 });
      first.push(await page.evaluate(() => performance.getEntriesByName('cp-first-frame')[0].startTime));
      await page.close();
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => window.Module && window.Module.cpFrames >= 4, null, { timeout: 60000 });
    await nextFrames(page, 5);
    drag.cpu = (await measureDrag(page)).cpu;
    await page.close();
  } finally {
    await browser.close();
  }
  return { first, drag };
}

const server = await startEngineServer();
const rows = [];
try {
  // One engine at a time: two cores, and each engine's numbers alone.
  for (const engine of [chromium, firefox, webkit].filter((e) => only.includes(e.name))) {
    try {
      rows.push([engine.name, await measure(engine, server.url)]);
    } catch (e) {
      rows.push([engine.name, { error: e.message.split('\n')[0] }]);
    }
  }
} finally {
  await server.close();
}

// Firefox and WebKit give performance.now() in whole milliseconds (timer precision reduced against
// timing attacks), so their per-frame medians are whole numbers: the mean says more there.
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`engine     ${('first frame, median of ' + runs).padEnd(41)}drag: app CPU per frame, median / mean / p95 (frames)`);
let failed = false;
for (const [name, r] of rows) {
  if (r.error) {
    failed = true;
    console.log(`${name.padEnd(10)} FAILED: ${r.error}`);
    continue;
  }
  const first = `${median(r.first).toFixed(0).padStart(6)} ms (${r.first.map((t) => t.toFixed(0)).join(', ')})`;
  console.log(`${name.padEnd(10)} ${first.padEnd(40)} ` +
              `${median(r.drag.cpu).toFixed(2)} / ${mean(r.drag.cpu).toFixed(2)} / ${pct(r.drag.cpu, 0.95).toFixed(2)} ms (${r.drag.cpu.length})`);
}
console.log('(Chromium headless on SwiftShader; Firefox and WebKitGTK headful under Xvfb on Mesa llvmpipe; localhost, 2 cores)');
process.exitCode = failed ? 1 : 0;
