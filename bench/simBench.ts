/**
 * Speed of the spine simulation (prints figures; targets from issue 3, the film's runs from issue 14):
 *   tetanus (one train) + 8 h simulated              < 0.5 s
 *   the film's run: three trains + 8 h                < 0.5 s
 *   the film's three runs (explainerComparisonTraces) < 1.5 s
 *   15-min LFS + 2 h simulated (ltdTrace)             < 2 s
 *   sampling 1,800 frames                             < 5 ms
 * Each figure: first (cold) run and the median of the following warm runs.
 */
import {
  simulate,
  tetanus,
  lowFrequencyStimulation,
  explainerProtocol,
  explainerTrace,
  testPulseResponse,
} from '../src/sim/index';

/** Wall time and this process's CPU time (user + system), ms. CPU time is the fairer figure on a shared, loaded machine. */
function time(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function measure(label: string, targetMs: number, runs: number, fn: () => void): void {
  const cold = time(fn);
  const warm: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) warm.push(time(fn));
  const m = median(warm.map((w) => w.wall));
  const mc = median(warm.map((w) => w.cpu));
  const verdict = m < targetMs ? 'OK' : mc < targetMs ? 'OK by CPU time (machine loaded)' : 'OVER TARGET';
  console.log(
    `${label.padEnd(32)} cold ${cold.wall.toFixed(1).padStart(7)} ms | warm median wall ${m.toFixed(2).padStart(8)} ms, cpu ${mc.toFixed(2).padStart(8)} ms | target < ${targetMs} ms  ${verdict}`,
  );
}

let steps = 0;
measure('tetanus 100 Hz x 1 s + 8 h', 500, 5, () => {
  const tr = simulate(tetanus({ afterMs: 8 * 3_600_000 }));
  steps = (tr as unknown as { columns: Float64Array[] }).columns[0]!.length;
});
console.log(`  (${steps} stored samples)`);
measure('film run: 3 trains + 8 h', 500, 5, () => {
  const tr = simulate(explainerProtocol());
  steps = (tr as unknown as { columns: Float64Array[] }).columns[0]!.length;
});
console.log(`  (${steps} stored samples)`);
measure('film runs: 3 trains, +anisomycin, 1 train', 1500, 3, () => {
  // What explainerComparisonTraces() computes once per process (lateLtp is explainerTrace()).
  simulate(explainerProtocol());
  simulate(explainerProtocol(), { anisomycin: true });
  simulate(tetanus({ baselinePulsesMs: [-60_000, -30_000], probePulsesAfterEndMs: [1_800_000, 3_600_000] }));
});
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
    const t = i < 200 ? -60_000 + i * 300 : Math.exp((Math.log(trace.endMs) * (i - 200)) / 1600) - 1;
    const s = trace.sample(t);
    sink += s.vmMv + s.spineCaMicroM + s.ampaReceptorCount;
  }
});
measure('testPulseResponse (one call)', 5, 20, () => {
  sink += testPulseResponse(trace, 3_600_000).epspPeakMv;
});
if (!Number.isFinite(sink)) console.log('unexpected non-finite sample');
const load = (await import('node:os')).loadavg();
console.log(
  `load average ${load.map((x) => x.toFixed(2)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`,
);
