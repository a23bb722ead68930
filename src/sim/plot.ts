/**
 * A multi-panel SVG of one run (hand-written SVG; d3-scale for axes): Vm, spine Ca2+, CaMKII,
 * AMPAR count, spine head volume and fEPSP against time after the first induction spike on a log
 * axis (1 ms .. end), with the pre-induction baseline drawn as a dashed reference line. Pure: returns a string.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { SpineState, SpineTrace } from './types';
import { summarizeRun } from './summary';

interface Panel {
  title: string;
  unit: string;
  series: { label: string; color: string; value: (s: SpineState) => number }[];
  logY?: boolean;
}

const PANELS: Panel[] = [
  { title: 'Spine membrane potential', unit: 'mV', series: [{ label: 'Vm', color: '#2563eb', value: (s) => s.vmMv }] },
  {
    title: 'Spine free Ca2+',
    unit: 'µM',
    logY: true,
    series: [{ label: '[Ca2+]', color: '#dc2626', value: (s) => s.spineCaMicroM }],
  },
  {
    title: 'CaMKII',
    unit: 'fraction',
    series: [
      { label: 'CaM-bound', color: '#a855f7', value: (s) => s.camkiiCaMBoundFraction },
      { label: 'pT286', color: '#7c3aed', value: (s) => s.camkiiPT286Fraction },
      { label: 'PP1', color: '#0d9488', value: (s) => s.phosphataseActivity },
    ],
  },
  {
    title: 'Synaptic AMPA receptors',
    unit: 'count',
    series: [{ label: 'AMPAR', color: '#ea580c', value: (s) => s.ampaReceptorCount }],
  },
  {
    title: 'Spine head volume',
    unit: 'µm³',
    series: [{ label: 'volume', color: '#16a34a', value: (s) => s.spineHeadVolumeUm3 }],
  },
  {
    title: 'Field EPSP slope',
    unit: '% baseline',
    series: [{ label: 'fEPSP', color: '#0f172a', value: (s) => s.fepspPercent }],
  },
];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmtTime(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}

/** Render the run as an SVG document string (width 1200 px). */
export function plotRunSvg(trace: SpineTrace, opts: { points?: number; title?: string } = {}): string {
  const points = opts.points ?? 2400;
  const p = trace.protocol;
  const tests = new Set(p.testPulseTimesMs ?? []);
  const induction = p.presynapticSpikeTimesMs.filter((t) => !tests.has(t));
  const t0 = Math.min(
    induction.length ? (induction[0] as number) : 0,
    ...p.postsynapticDepolarisations.map((w) => w.startMs),
  );
  const span = trace.endMs - t0;
  const width = 1200;
  const panelH = 150;
  const top = 95;
  const left = 90;
  const right = 170;
  const gap = 34;
  const height = top + PANELS.length * (panelH + gap) + 40;
  const x = scaleLog()
    .domain([1, span])
    .range([left, width - right])
    .clamp(true);
  const times: number[] = [];
  for (let i = 0; i < points; i++)
    times.push(t0 + Math.exp(Math.log(1) + ((Math.log(span) - Math.log(1)) * i) / (points - 1)));
  // Later trains are a sliver on the log axis: sample each one every 10 ms so its peak is drawn.
  const trains = p.trains;
  if (trains && trains.count > 1)
    for (let k = 1; k < trains.count; k++)
      for (let dt = 0; dt <= trains.durationMs + 200; dt += 10) times.push(k * trains.intervalMs + dt);
  times.sort((a, b) => a - b);
  const states = times.map((t) => trace.sample(t));
  const baseline = trace.sample(t0 - 1);
  const summary = summarizeRun(trace);
  const c = trace.conditions;
  const condText = `[Mg2+]o ${c.mgOutMilliM} mM${c.apv ? ', APV' : ''}${c.anisomycin ? ', anisomycin' : ''}${c.camkiiBlocked ? ', CaMKII blocked' : ''}${c.clampMv !== null ? `, clamp ${c.clampMv} mV` : ''}`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, DejaVu Sans, sans-serif">`,
  );
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(
    `<text x="${left}" y="30" font-size="20" font-weight="600">${esc(opts.title ?? `CA1 spine: ${p.name}${trains && trains.count > 1 ? `, ${trains.count} trains ${trains.intervalMs / 60_000} min apart` : ''}`)}</text>`,
  );
  out.push(
    `<text x="${left}" y="56" font-size="13" fill="#475569">${esc(`${condText}. Time after the first induction spike (log). Dashed: baseline before induction. fEPSP 60 min / 8 h after the end of the ${trains && trains.count > 1 ? 'last train' : 'induction'}: ${summary.fepspPercent['60min'].toFixed(0)} / ${summary.fepspPercent['8h'].toFixed(0)} %`)}</text>`,
  );
  const ticks = [1, 10, 100, 1000, 10_000, 60_000, 600_000, 3_600_000, 4 * 3_600_000].filter((t) => t <= span);
  PANELS.forEach((panel, k) => {
    const y0 = top + k * (panelH + gap);
    const values = panel.series.flatMap((s) => [...states.map(s.value), s.value(baseline)]).filter(Number.isFinite);
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (panel.logY) {
      lo = Math.max(lo, 1e-3);
      hi = Math.max(hi, lo * 10);
    }
    if (hi - lo < 1e-9) {
      hi = lo + 1;
    }
    const pad = panel.logY ? 1 : (hi - lo) * 0.08;
    const y = panel.logY
      ? scaleLog()
          .domain([lo / 1.3, hi * 1.3])
          .range([y0 + panelH, y0])
          .clamp(true)
      : scaleLinear()
          .domain([lo - pad, hi + pad])
          .nice()
          .range([y0 + panelH, y0]);
    out.push(
      `<rect x="${left}" y="${y0}" width="${width - left - right}" height="${panelH}" fill="#f8fafc" stroke="#cbd5e1"/>`,
    );
    out.push(
      `<text x="${left}" y="${y0 - 8}" font-size="14" font-weight="600">${esc(panel.title)} <tspan fill="#64748b" font-weight="400">(${esc(panel.unit)})</tspan></text>`,
    );
    const yTicks = (y as { ticks: (n: number) => number[] }).ticks(panel.logY ? 3 : 4).filter((tv) => {
      if (!panel.logY) return true;
      const m = tv / 10 ** Math.floor(Math.log10(tv) + 1e-9);
      return Math.abs(m - 1) < 1e-6 || Math.abs(m - 3) < 1e-6;
    });
    for (const tv of yTicks) {
      const yy = (y as (v: number) => number)(tv);
      out.push(
        `<line x1="${left}" x2="${width - right}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}" stroke="#e2e8f0"/>`,
      );
      out.push(
        `<text x="${left - 8}" y="${(yy + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#475569">${+tv.toPrecision(3)}</text>`,
      );
    }
    for (const tt of ticks) {
      const xx = x(tt);
      out.push(`<line x1="${xx.toFixed(1)}" x2="${xx.toFixed(1)}" y1="${y0}" y2="${y0 + panelH}" stroke="#e2e8f0"/>`);
      out.push(
        `<text x="${xx.toFixed(1)}" y="${y0 + panelH + 14}" font-size="11" text-anchor="middle" fill="#475569">${fmtTime(tt)}</text>`,
      );
    }
    panel.series.forEach((s, si) => {
      const yb = (y as (v: number) => number)(s.value(baseline));
      out.push(
        `<line x1="${left}" x2="${width - right}" y1="${yb.toFixed(1)}" y2="${yb.toFixed(1)}" stroke="${s.color}" stroke-dasharray="4 4" opacity="0.6"/>`,
      );
      const d = states
        .map(
          (st, i) =>
            `${i ? 'L' : 'M'}${x(times[i]! - t0).toFixed(1)},${(y as (v: number) => number)(s.value(st)).toFixed(1)}`,
        )
        .join('');
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6"/>`);
      out.push(
        `<text x="${width - right + 10}" y="${y0 + 16 + si * 16}" font-size="12" fill="${s.color}">${esc(s.label)}</text>`,
      );
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
