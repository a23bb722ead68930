/**
 * Speed of the spine simulation (prints figures; targets from issue 3):
 *   tetanus + 8 h simulated      < 0.5 s
 *   15-min LFS + 2 h simulated   < 2 s
 *   sampling 1,800 frames        < 5 ms
 * Each figure: first (cold) run and the median of the following warm runs.
 */
import { simulate, tetanus, lowFrequencyStimulation, explainerTrace, testPulseResponse } from '../src/sim/index';

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function measure(label: string, targetMs: number, runs: number, fn: () => void): void {
  const cold = time(fn);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(time(fn));
  const m = median(warm);
  const verdict = m < targetMs ? 'OK' : 'OVER TARGET';
  console.log(`${label.padEnd(34)} cold ${cold.toFixed(1).padStart(8)} ms   warm median ${m.toFixed(2).padStart(8)} ms   target < ${targetMs} ms   ${verdict}`);
}

let steps = 0;
measure('tetanus 100 Hz x 1 s + 8 h', 500, 5, () => {
  const tr = simulate(tetanus({ afterMs: 8 * 3_600_000 }));
  steps = (tr as unknown as { columns: Float64Array[] }).columns[0]!.length;
});
console.log(`  (${steps} stored samples)`);
measure('LFS 1 Hz x 900 (15 min) + 2 h', 2000, 3, () => {
  const tr = simulate(lowFrequencyStimulation({ afterMs: 2 * 3_600_000 }));
  steps = (tr as unknown as { columns: Float64Array[] }).columns[0]!.length;
});
console.log(`  (${steps} stored samples)`);
const trace = explainerTrace();
let sink = 0;
measure('sample 1,800 frames', 5, 20, () => {
  // 1,800 frames spread over the whole trace (ms detail near 0, minutes later): log-spaced + baseline.
  for (let i = 0; i < 1800; i++) {
    const t = i < 200 ? -60_000 + i * 300 : Math.exp((Math.log(5.4e6) * (i - 200)) / 1600) - 1;
    const s = trace.sample(t);
    sink += s.vmMv + s.spineCaMicroM + s.ampaReceptorCount;
  }
});
measure('testPulseResponse (one call)', 5, 20, () => {
  sink += testPulseResponse(trace, 3_600_000).epspPeakMv;
});
if (!Number.isFinite(sink)) console.log('unexpected non-finite sample');
