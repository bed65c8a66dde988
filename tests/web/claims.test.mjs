// Browser tests of the article's "Try:" claims: each section's button, then the change its sentence names, on the figure as built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, openApp, nextFrames } from './harness.mjs';

let server;
let browser;
let app;

useSuite(async (started) => {
  ({ server, browser } = started);
  app = await openApp(browser, server.url, { viewport: { width: 1100, height: 800 } });
}, () => app?.context.close());

// The figure's outcomes after applying `link` (as the page would), read from the published state.
async function outcomesFor(page, link) {
  const ok = await page.evaluate((l) => window.ComputePoverty.applyPermalink(l), link);
  assert.equal(ok, '', `the figure refused ${link}`);
  await nextFrames(page, 3);
  return page.evaluate(() => window.ComputePoverty.last.outcomes);
}

// Each claim: the section, the change its "Try:" sentence asks for, and what must move which way.
const claims = [
  { section: 'renting', change: 'rent_premium=1',
    expect: [['usable_compute_h100e', 'up'], ['leverage_share', 'up'], ['years_behind', 'same']],
    then: { change: 'rent_premium=1&offshore_block_share=0', expect: [['years_behind', 'up']] } },
  { section: 'controls', change: 'export_controls=1', expect: [['usable_compute_h100e', 'down'], ['years_behind', 'up']] },
  { section: 'cloud', change: 'cloud_denial=1', expect: [['leverage_share', 'down'], ['usable_compute_h100e', 'down']] },
  { section: 'privacy', change: 'privacy_law=0', expect: [['foreign_cloud_h100e', 'double']] },
  { section: 'latency', change: 'rtt_abroad_ms=20', expect: [['inference_abroad_share', 'up']] },
  { section: 'seizure', change: 'conflict_probability=0', expect: [['usable_compute_h100e', 'up']] },
  { section: 'industry', change: 'foreign_model_barrier=0', expect: [['industry_impact', 'down'], ['years_behind', 'same']] },
  { section: 'timeline', base: 'year=2027', change: 'year=2028', expect: [['years_behind', 'up']] },
  { section: 'record', base: 'year=2030', change: 'year=2030&export_controls=1', expect: [['largest_training_run_flop', 'down']] },
];

test('every "Try:" sentence in the article is borne out by the figure', async () => {
  const { page, errors } = app;
  const sections = await page.$$eval('main section', (s) => s.filter((x) => /Try:/.test(x.textContent)).map((x) => x.id));
  assert.deepEqual([...sections].sort(), claims.map((c) => c.section).sort(), 'a "Try:" sentence without a test, or a test without one');
  for (const claim of claims) {
    const link = await page.$eval(`#${claim.section} [data-permalink]`, (b) => b.getAttribute('data-permalink'));
    const before = await outcomesFor(page, link + (claim.base ? '&' + claim.base : ''));
    // A sentence may go on ("Then ..."): its next step is measured from where the first left off.
    for (let step = claim, from = before; step; step = step.then) {
      const after = await outcomesFor(page, link + '&' + step.change);
      for (const [name, way] of step.expect) {
        const a = from[name];
        const b = after[name];
        const what = `${claim.section}: ${name} ${a} -> ${b} after ${step.change}`;
        assert.equal(typeof a, 'number', what);
        if (way === 'up') assert.ok(b > a, what);
        if (way === 'down') assert.ok(b < a, what);
        if (way === 'same') assert.equal(b, a, what);
        if (way === 'double') assert.ok(b >= 1.8 * a, what);
      }
      from = after;
    }
  }
  // The record section: before 2026 the lines stay where history put them.
  const link = await page.$eval('#record [data-permalink]', (b) => b.getAttribute('data-permalink'));
  const history = await outcomesFor(page, link + '&year=2025');
  const strict = await outcomesFor(page, link + '&year=2025&export_controls=1');
  assert.equal(strict.largest_training_run_flop, history.largest_training_run_flop, 'a 2026 setting changed 2025');
  assert.deepEqual(errors, []);
});
