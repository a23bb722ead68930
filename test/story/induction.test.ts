import { describe, expect, it } from 'vitest';
import { inductionPhaseLabel, inductionTrains, lastTrainEndMs } from '../../src/story/induction';
import { spikeTrain, tetanus } from '../../src/sim';

describe('induction trains from the protocol (the clock\'s "train k of n")', () => {
  it('one 100 Hz x 1 s tetanus is one train [0, 1000) ms of 100 spikes; baseline pulses are not trains', () => {
    const p = tetanus({ rateHz: 100, durationMs: 1000, baselinePulsesMs: [-60_000, -30_000] });
    expect(inductionTrains(p)).toEqual([{ startMs: 0, endMs: 1000, spikes: 100 }]);
    expect(lastTrainEndMs(p)).toBe(1000);
  });

  it('three trains 10 min apart are three; the label follows physical time', () => {
    const one = Array.from({ length: 100 }, (_, i) => i * 10);
    const times = [...one, ...one.map((t) => t + 600_000), ...one.map((t) => t + 1_200_000)];
    const trains = inductionTrains(spikeTrain(times));
    expect(trains.map((t) => [t.startMs, t.endMs, t.spikes])).toEqual([
      [0, 1000, 100],
      [600_000, 601_000, 100],
      [1_200_000, 1_201_000, 100],
    ]);
    expect(inductionPhaseLabel(-45_000, trains)).toBe('baseline');
    expect(inductionPhaseLabel(47, trains)).toBe('train 1 of 3');
    expect(inductionPhaseLabel(9_000, trains)).toBe('after train 1 of 3');
    expect(inductionPhaseLabel(600_500, trains)).toBe('train 2 of 3');
    expect(inductionPhaseLabel(5 * 3_600_000, trains)).toBe('after train 3 of 3');
  });
});
