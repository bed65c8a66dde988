// Runs the native and the wasm cp_run on every preset and checks their JSON agrees to 1e-12 relative.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [nativeExe, wasmJs, scenarioDir] = process.argv.slice(2);
if (!fs.existsSync(wasmJs)) {
  console.log(`skipped: ${wasmJs} not built`);
  process.exit(77);
}
// Not bit-exact by design: pow/log/exp come from glibc natively and musl in wasm, which may
// differ in the last bit; everything else is plain IEEE arithmetic.
const kRelTol = 1e-12;
let compared = 0, worst = 0, failures = 0;

function compare(a, b, where) {
  if (typeof a === 'number' && typeof b === 'number') {
    compared++;
    const scale = Math.max(Math.abs(a), Math.abs(b));
    const rel = scale === 0 ? 0 : Math.abs(a - b) / scale;
    worst = Math.max(worst, rel);
    if (rel > kRelTol) { failures++; if (failures < 10) console.error(`${where}: ${a} vs ${b} (rel ${rel})`); }
    return;
  }
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) {
    failures++; console.error(`${where}: type differs`); return;
  }
  if (a !== null && typeof a === 'object') {
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.join() !== kb.join()) { failures++; console.error(`${where}: keys differ`); return; }
    for (const k of ka) compare(a[k], b[k], `${where}.${k}`);
    return;
  }
  if (a !== b) { failures++; console.error(`${where}: ${a} vs ${b}`); }
}

const presets = fs.readdirSync(scenarioDir).filter(f => f.endsWith('.json')).sort();
for (const f of presets) {
  const args = [path.join(scenarioDir, f), '--format', 'json', '--mc', '200', '--seed', '3', '--attribution', '--sensitivity'];
  const native = JSON.parse(execFileSync(nativeExe, args, { maxBuffer: 1 << 28 }));
  const wasm = JSON.parse(execFileSync(process.execPath, ['--no-experimental-fetch', wasmJs, ...args], { maxBuffer: 1 << 28 }));
  compare(native, wasm, f);
}
console.log(`${presets.length} presets, ${compared} numbers, worst relative difference ${worst}`);
process.exit(failures === 0 && compared > 0 ? 0 : 1);
