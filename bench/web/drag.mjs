// The benchmarks' drag: a lever swept back and forth with the mouse for ~2 s, recording the app's CPU per frame and the animation-frame intervals.
import { controlPoint } from '../../tests/web/harness.mjs';

// Sweeps slider `key` between 10% and 90% of its width, one mouse move every 16 ms, for `ms`. The
// app reports its CPU time per frame (UI build + recompute, cp_web_frame_ms), one sample per app
// frame; the page records the intervals between animation frames (what the reader sees).
export async function measureDrag(page, key = 'export_controls', ms = 2000) {
  const a = await controlPoint(page, key, 0.1);
  const b = await controlPoint(page, key, 0.9);
  await page.evaluate(() => {
    window.__cpm = { cpu: [], raf: [], last: 0, frame: window.Module.cpFrames, on: true };
    const tick = (t) => {
      const m = window.__cpm;
      if (!m.on) return;
      if (window.Module.cpFrames !== m.frame) {
        m.frame = window.Module.cpFrames;
        m.cpu.push(window.Module._cp_web_frame_ms());
      }
      if (m.last) m.raf.push(t - m.last);
      m.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 0; Date.now() - t0 < ms; ++i) {
    const f = (i % 20) / 20;
    await page.mouse.move(i % 40 < 20 ? a.x + (b.x - a.x) * f : b.x - (b.x - a.x) * f, a.y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => { window.__cpm.on = false; return { cpu: window.__cpm.cpu, raf: window.__cpm.raf }; });
}
