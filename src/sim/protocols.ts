/**
 * Protocol builders. Time 0 = first induction spike. Baseline test pulses come before it (negative
 * times) so the video can compare "the same test pulse" before and after; probe pulses after
 * induction are optional (testPulseResponse() computes the response at any time without them).
 */
import type { Protocol } from './types';

const MIN = 60_000;
const HOUR = 3_600_000;

/** Common options: baseline test pulses before induction and probe test pulses after it (ms). */
export interface TestPulseOptions {
  /** Baseline test pulses, ms (negative). Default [-60 s, -30 s] (0.033 Hz, as in field recordings). */
  baselinePulsesMs?: readonly number[];
  /** Probe test pulses after induction, ms from the end of the protocol. Default none. */
  probePulsesAfterEndMs?: readonly number[];
  /** Simulated time after the end of the protocol, ms. Default 8 h. */
  afterMs?: number;
}

function assertPositive(name: string, value: number, unit: string, max = Infinity): void {
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new RangeError(
      `${name} must be a positive number of ${unit}${max < Infinity ? ` up to ${max}` : ''}, got ${value}`,
    );
}

function assembleProtocol(
  name: Protocol['name'],
  inductionMs: number[],
  endMs: number,
  opts: TestPulseOptions,
  depolarisations: Protocol['postsynapticDepolarisations'] = [],
): Protocol {
  const baseline = [...(opts.baselinePulsesMs ?? [-60_000, -30_000])];
  for (const b of baseline)
    if (!(Number.isFinite(b) && b < 0))
      throw new RangeError(
        `baselinePulsesMs must be negative times in ms (before the first induction spike at 0), got ${b}`,
      );
  const probes = (opts.probePulsesAfterEndMs ?? []).map((x) => endMs + x);
  const afterMs = opts.afterMs ?? 8 * HOUR;
  assertPositive('afterMs', afterMs, 'ms');
  const tests = [...baseline, ...probes].sort((a, b) => a - b);
  const all = [...tests, ...inductionMs].sort((a, b) => a - b);
  const first = Math.min(...all, ...depolarisations.map((d) => d.startMs));
  return {
    name,
    presynapticSpikeTimesMs: all,
    postsynapticDepolarisations: depolarisations,
    endMs,
    testPulseTimesMs: tests,
    simulateFromMs: first - 2000,
    simulateUntilMs: endMs + afterMs,
  };
}

/** A single test pulse at t = 0 (plus the baseline pulses). Protocol end: 1 s after the pulse. */
export function testPulse(opts: TestPulseOptions = {}): Protocol {
  return assembleProtocol('test-pulse', [0], 1000, { baselinePulsesMs: [], ...opts });
}

/** Options of `tetanus()`: one train or several identical trains, onset to onset `trainIntervalMs` apart. */
export interface TetanusOptions extends TestPulseOptions {
  /** Spike rate within a train, Hz (default 100). */
  rateHz?: number;
  /** Duration of one train, ms (default 1000). */
  durationMs?: number;
  /** Number of trains, integer 1..20 (default 1). */
  trains?: number;
  /**
   * Train onset to train onset, ms (default 10 min, the spacing of Huang & Kandel 1994 Learn Mem 1:74);
   * must be longer than one train and at most 2 h. Ignored for a single train.
   */
  trainIntervalMs?: number;
}

export const DEFAULT_TRAIN_INTERVAL_MS = 10 * MIN;
export const MAX_TRAINS = 20;
export const MAX_TRAIN_INTERVAL_MS = 2 * HOUR;

/**
 * High-frequency tetanus: `trains` trains (default 1) of rateHz (default 100) for durationMs (default 1000),
 * the first spike of the FIRST train at t = 0, train k starting at k x trainIntervalMs. endMs = end of the
 * last train, so every "+30 min" of a summary is counted from the end of the last train.
 */
export function tetanus(opts: TetanusOptions = {}): Protocol {
  const rateHz = opts.rateHz ?? 100;
  const durationMs = opts.durationMs ?? 1000;
  const trains = opts.trains ?? 1;
  const intervalMs = opts.trainIntervalMs ?? DEFAULT_TRAIN_INTERVAL_MS;
  assertPositive('tetanus rateHz', rateHz, 'Hz', 500);
  assertPositive('tetanus durationMs', durationMs, 'ms', 60_000);
  if (!Number.isInteger(trains) || trains < 1 || trains > MAX_TRAINS)
    throw new RangeError(`tetanus trains must be an integer 1..${MAX_TRAINS}, got ${trains}`);
  const isi = 1000 / rateHz;
  const n = Math.max(1, Math.round(durationMs / isi));
  const trainMs = n * isi;
  if (!Number.isFinite(intervalMs) || intervalMs <= trainMs || intervalMs > MAX_TRAIN_INTERVAL_MS)
    throw new RangeError(
      `tetanus trainIntervalMs (onset to onset) must be longer than one train (${trainMs} ms) and at most ${MAX_TRAIN_INTERVAL_MS} ms (2 h), got ${intervalMs}`,
    );
  const spikes: number[] = [];
  for (let k = 0; k < trains; k++) for (let i = 0; i < n; i++) spikes.push(k * intervalMs + i * isi);
  const lastTrainStartMs = (trains - 1) * intervalMs;
  const protocol = assembleProtocol('tetanus', spikes, lastTrainStartMs + trainMs, opts);
  return {
    ...protocol,
    trains: { count: trains, intervalMs: trains > 1 ? intervalMs : 0, durationMs: trainMs },
  };
}

/** Low-frequency stimulation (LTD): `pulses` (default 900) at rateHz (default 1). End = pulses / rate. */
export function lowFrequencyStimulation(opts: { rateHz?: number; pulses?: number } & TestPulseOptions = {}): Protocol {
  const rateHz = opts.rateHz ?? 1;
  const pulses = opts.pulses ?? 900;
  assertPositive('LFS rateHz', rateHz, 'Hz', 500);
  if (!Number.isInteger(pulses) || pulses < 1 || pulses > 100_000)
    throw new RangeError(`LFS pulses must be an integer 1..100000, got ${pulses}`);
  const isi = 1000 / rateHz;
  const spikes = Array.from({ length: pulses }, (_, i) => i * isi);
  return assembleProtocol('lfs', spikes, pulses * isi, opts);
}

/**
 * Pairing: presynaptic pulses with postsynaptic depolarisation to `depolariseToMv` (default 0 mV) from
 * `leadMs` before to `holdMs` after each pulse. Default 100 pulses at 2 Hz (whole-cell pairing,
 * Malinow & Tsien 1990 / Chen et al. 1999 style).
 */
export function pairing(
  opts: {
    pulses?: number;
    rateHz?: number;
    depolariseToMv?: number;
    leadMs?: number;
    holdMs?: number;
  } & TestPulseOptions = {},
): Protocol {
  const pulses = opts.pulses ?? 100;
  const rateHz = opts.rateHz ?? 2;
  const target = opts.depolariseToMv ?? 0;
  const leadMs = opts.leadMs ?? 5;
  const holdMs = opts.holdMs ?? 100;
  assertPositive('pairing rateHz', rateHz, 'Hz', 100);
  if (!Number.isInteger(pulses) || pulses < 1 || pulses > 10_000)
    throw new RangeError(`pairing pulses must be an integer 1..10000, got ${pulses}`);
  if (!(Number.isFinite(target) && target >= -120 && target <= 60))
    throw new RangeError(`pairing depolariseToMv must be in -120..+60 mV, got ${target}`);
  const isi = 1000 / rateHz;
  if (!(leadMs >= 0 && holdMs > 0 && leadMs + holdMs < isi))
    throw new RangeError(`pairing leadMs + holdMs must be shorter than the inter-pulse interval ${isi} ms`);
  const spikes = Array.from({ length: pulses }, (_, i) => i * isi);
  const windows = spikes.map((s) => ({ startMs: s - leadMs, endMs: s + holdMs, targetMv: target }));
  return assembleProtocol('pairing', spikes, pulses * isi, opts, windows);
}

/** An explicit presynaptic spike train (ms, ascending; first induction spike should be at 0). End = 10 ms after the last. */
export function spikeTrain(timesMs: readonly number[], opts: TestPulseOptions = {}): Protocol {
  if (timesMs.length === 0) throw new RangeError('spikeTrain needs at least one spike time (ms)');
  timesMs.forEach((t, i) => {
    if (!Number.isFinite(t)) throw new RangeError(`spikeTrain times[${i}] must be a finite time in ms, got ${t}`);
    if (i > 0 && t < (timesMs[i - 1] as number))
      throw new RangeError(`spikeTrain times must be ascending (index ${i})`);
  });
  return assembleProtocol('train', [...timesMs], (timesMs[timesMs.length - 1] as number) + 10, {
    baselinePulsesMs: [],
    ...opts,
  });
}

export const TIME = { MIN, HOUR } as const;
