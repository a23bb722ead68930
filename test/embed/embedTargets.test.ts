import { describe, expect, it } from 'vitest';
import {
  embedMetricRows,
  formatMetricTable,
  longestTaskMs,
  type LighthouseResultLike,
} from '../../src/embed/embedTargets';

function lhr(
  over: {
    perf?: number;
    fcp?: number;
    lcp?: number;
    tbt?: number;
    tti?: number;
    bytes?: number;
    tasks?: number[];
    a11y?: number;
    bp?: number;
  } = {},
): LighthouseResultLike {
  return {
    categories: {
      performance: { score: over.perf ?? 0.99 },
      accessibility: { score: over.a11y ?? 1 },
      'best-practices': { score: over.bp ?? 1 },
    },
    audits: {
      'first-contentful-paint': { numericValue: over.fcp ?? 900 },
      'largest-contentful-paint': { numericValue: over.lcp ?? 1200 },
      'total-blocking-time': { numericValue: over.tbt ?? 0 },
      interactive: { numericValue: over.tti ?? 1300 },
      'total-byte-weight': { numericValue: over.bytes ?? 20_000 },
      'long-tasks': { details: { items: (over.tasks ?? []).map((duration) => ({ url: 'x', duration })) } },
    },
  };
}

describe('embedMetricRows', () => {
  it('passes a result inside every target', () => {
    const rows = embedMetricRows(lhr());
    expect(rows.map((r) => r.metric)).toEqual([
      'performance score',
      'first contentful paint',
      'largest contentful paint',
      'total blocking time',
      'time to interactive',
      'bytes before interaction',
      'longest page task (info)',
      'accessibility',
      'best practices',
    ]);
    expect(rows.every((r) => r.ok)).toBe(true);
  });

  it.each([
    ['performance score', { perf: 0.94 }],
    ['first contentful paint', { fcp: 1501 }],
    ['largest contentful paint', { lcp: 2001 }],
    ['total blocking time', { tbt: 101 }],
    ['time to interactive', { tti: 3001 }],
    ['bytes before interaction', { bytes: 200 * 1024 + 1 }],
    ['accessibility', { a11y: 0.99 }],
    ['best practices', { bp: 0.96 }],
  ])('misses %s just past its target', (metric, over) => {
    const rows = embedMetricRows(lhr(over));
    expect(rows.filter((r) => !r.ok).map((r) => r.metric)).toEqual([metric]);
    expect(formatMetricTable(rows)).toMatch(new RegExp(`${metric}.*MISSED`));
  });

  it('reads the longest task, 0 when Lighthouse lists none, and can leave out unattributable ones', () => {
    expect(longestTaskMs(lhr({ tasks: [60, 219, 51] }))).toBe(219);
    expect(longestTaskMs(lhr())).toBe(0);
    const mixed = lhr();
    mixed.audits['long-tasks'] = {
      details: {
        items: [
          { url: 'Unattributable', duration: 300 },
          { url: 'http://x/index.html', duration: 70 },
        ],
      },
    };
    expect(longestTaskMs(mixed)).toBe(300);
    expect(longestTaskMs(mixed, true)).toBe(70);
  });

  it('reports a long page task without failing on it', () => {
    const row = embedMetricRows(lhr({ tasks: [12, 80] })).find((r) => r.metric === 'longest page task (info)')!;
    expect(row.ok).toBe(false);
    expect(row.gate).toBe(false);
    expect(formatMetricTable([row])).toMatch(/80 ms.*over/);
  });

  it('refuses a result without the metrics (a page that did not load)', () => {
    const broken = lhr();
    delete broken.audits['largest-contentful-paint'];
    expect(() => embedMetricRows(broken)).toThrow(/largest-contentful-paint/);
    expect(() => embedMetricRows({ ...lhr(), runtimeError: { code: 'NO_FCP', message: 'no paint' } })).toThrow(
      /NO_FCP/,
    );
  });
});
