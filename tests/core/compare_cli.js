// Runs the native and the wasm cp_run on every preset (Monte Carlo with a fixed seed, attribution,
// tornado) and checks they agree bit for bit: the digest of every number's bits, and the JSON exactly.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [nativeExe, wasmJs, scenarioDir] = process.argv.slice(2);
if (!fs.existsSync(wasmJs)) {
  console.log(`skipped: ${wasmJs} not built`);
  process.exit(77);
}
// Bit-exact by design: the core's log/exp/pow are its own (core/detmath.h), not glibc's or musl's.
const kRelTol = 0;
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

const runNative = args => execFileSync(nativeExe, args, { maxBuffer: 1 << 28 }).toString();
const runWasm = args =>
  execFileSync(process.execPath, ['--no-experimental-fetch', wasmJs, ...args], { maxBuffer: 1 << 28 }).toString();

const presets = fs.readdirSync(scenarioDir).filter(f => f.endsWith('.json')).sort();
for (const f of presets) {
  const common = [path.join(scenarioDir, f), '--mc', '1000', '--seed', '3', '--attribution', '--sensitivity'];
  const nativeDigest = runNative([...common, '--format', 'digest']).trim();
  const wasmDigest = runWasm([...common, '--format', 'digest']).trim();
  console.log(`${f.padEnd(24)} native ${nativeDigest}   wasm ${wasmDigest}`);
  if (nativeDigest !== wasmDigest || !/^fnv1a64 [0-9a-f]{16} [1-9][0-9]* numbers$/.test(nativeDigest)) failures++;
  compare(JSON.parse(runNative([...common, '--format', 'json'])), JSON.parse(runWasm([...common, '--format', 'json'])), f);
}
console.log(`${presets.length} presets, ${compared} JSON numbers, worst relative difference ${worst}`);
process.exit(failures === 0 && compared > 0 ? 0 : 1);
