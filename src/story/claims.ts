/**
 * Every claim the film makes, spoken or on screen, with the model quantity behind it, its value
 * where the viewer meets it (at its narration bookmark) and what that value must be for the words to
 * be true. docs/claims.md is generated from this list (src/story/claimsCli.ts) and test/story/claims
 * fails when a value contradicts its words or the doc is stale. Pure apart from the cached runs.
 */
import type { SceneId } from '../script/sceneIds';
import type { SpineState } from '../sim/types';
import { EXPLAINER_INDUCTION, testPulseResponse } from '../sim';
import type { ExplainerData } from './explainerData';
import type { FilmRuns } from './filmRuns';
import { inductionPhaseLabel, inductionTrains, lastTrainEndMs } from './induction';
import { MG_FREE_FRACTION_AT_BOOKMARK } from './keyEvents';
import { SCREEN_TEXT } from './screenText';
import { formatPhysicalTime } from './storyTime';
import {
  baselineState,
  camkiiAfterFirstTrain,
  fadedBelowMs,
  fepspHoursAfter,
  firstTrainTimeAboveMs,
  lastingTimeMs,
  lastingValues,
  ltdComparison,
  peakOf,
  restCaMicroM,
  spinePanelTimeMs,
} from './filmQuantities';

/** What a claim is checked against, for one film (timeline + trace) and its comparison runs. */
export interface ClaimContext {
  data: ExplainerData;
  runs: FilmRuns;
}

/** The outcome of checking one claim. */
export interface ClaimResult {
  /** The value as the table shows it ("0.50", "65 nM"). */
  value: string;
  /** What it must be, in words ("≥ 0.50"). */
  expected: string;
  ok: boolean;
}

export interface Claim {
  /** Stable id (kebab-case), used in test names and the doc. */
  id: string;
  scene: SceneId;
  /** Spoken: `text` is a fragment of the scene's narration. Screen: a label or number as shown. */
  kind: 'spoken' | 'screen';
  text: string;
  /** Bookmark at whose frame the value is read; absent for claims about a whole run. */
  bookmark?: string;
  /** The model quantity, in words (field names where it is one). */
  quantity: string;
  /** Checks the claim against the model; absent for claims that rest on the literature alone. */
  check?: (ctx: ClaimContext) => ClaimResult;
  /** Published source (paper, year, journal) or the seed article. */
  source: string;
}

const HOUR_MS = 3_600_000;

/** Absolute frame of a bookmark of a scene in the film's timeline. */
function bookmarkFrameOf(ctx: ClaimContext, scene: SceneId, bookmark: string): number {
  const span = ctx.data.timeline.scenes.find((s) => s.id === scene);
  const f = span?.bookmarkFrames[bookmark];
  if (f === undefined) throw new Error(`claims: scene "${scene}" has no bookmark "${bookmark}" on the timeline.`);
  return f;
}

/** Physical time the scene's clock shows at its bookmark, ms. */
export function msAtBookmark(ctx: ClaimContext, scene: SceneId, bookmark: string): number {
  return ctx.data.clocks[scene].physicalMs(bookmarkFrameOf(ctx, scene, bookmark));
}

function stateAt(ctx: ClaimContext, scene: SceneId, bookmark: string): SpineState {
  return ctx.data.trace.sample(msAtBookmark(ctx, scene, bookmark));
}

const fmt = (v: number, digits: number) => v.toFixed(digits);
const atLeast = (v: number, min: number, digits = 2, unit = ''): ClaimResult => ({
  value: `${fmt(v, digits)}${unit}`,
  expected: `≥ ${fmt(min, digits)}${unit}`,
  ok: v >= min,
});
const atMost = (v: number, max: number, digits = 2, unit = ''): ClaimResult => ({
  value: `${fmt(v, digits)}${unit}`,
  expected: `≤ ${fmt(max, digits)}${unit}`,
  ok: v <= max,
});
const within = (v: number, min: number, max: number, digits = 2, unit = ''): ClaimResult => ({
  value: `${fmt(v, digits)}${unit}`,
  expected: `${fmt(min, digits)}–${fmt(max, digits)}${unit}`,
  ok: v >= min && v <= max,
});
const equals = (v: string, want: string): ClaimResult => ({ value: v, expected: want, ok: v === want });

const SEED = 'seed article (shared/seed-article.txt)';
const HK94 = 'Huang & Kandel 1994 Learn Mem 1:74 (one train: early LTP 1–3 h; three trains: late LTP)';
const FREY88 = 'Frey et al. 1988 Brain Res 452:57 (anisomycin blocks late LTP)';
const JS90 = 'Jahr & Stevens 1990 J Neurosci 10:3178';
const LTD_SRC = 'Dudek & Bear 1992 PNAS 89:4363; Mulkey & Malenka 1992 Neuron 9:967';
const CAMKII_SRC =
  'Lee et al. 2009 Nature 458:299; Chang et al. 2019 Nat Commun 10:2784 (pT286 activity decays with τ ≈ 10 s)';

/** The claims, in film order. */
export const CLAIMS: readonly Claim[] = [
  // intro
  {
    id: 'intro-cellular-basis',
    scene: 'intro',
    kind: 'spoken',
    text: 'Long-term potentiation, a cellular basis of memory:',
    quantity: '— (framing; LTP is a synaptic change, not a memory)',
    source: `${SEED}, misconception "LTP is a memory"; Bliss & Lømo 1973 J Physiol 232:331`,
  },
  {
    id: 'intro-bigger',
    scene: 'intro',
    kind: 'spoken',
    text: 'after strong activity, the same test pulse gives a bigger response.',
    bookmark: 'bigger',
    quantity: 'fepspPercent 1 h after the last train (the "after" response the panel reveals)',
    check: (ctx) => atLeast(lastingValues(ctx.data.trace).fepspPercent, 130, 0, ' %'),
    source: 'science-reference §7 (fEPSP ≈150 %, 130–200 %, at 60 min); ' + HK94,
  },
  {
    id: 'intro-panel-after',
    scene: 'intro',
    kind: 'screen',
    text: `test-pulse response "${SCREEN_TEXT.intro.labels.after}"`,
    bookmark: 'bigger',
    quantity: 'testPulseResponse EPSP peak at lastingTimeMs vs baseline, % (both drawn from the model)',
    check: (ctx) =>
      atLeast(testPulseResponse(ctx.data.trace, lastingTimeMs(ctx.data.trace)).epspPercentOfBaseline, 110, 0, ' %'),
    source: 'model (testPulseResponse)',
  },
  // glutamate release
  {
    id: 'glu-release',
    scene: 'glutamate-release',
    kind: 'spoken',
    text: 'Vesicles fuse, releasing glutamate.',
    bookmark: 'release',
    quantity: 'peak glutamateMilliM in the 3 ms after the first spike, mM',
    check: (ctx) => within(peakOf(ctx.data.trace, (s) => s.glutamateMilliM, 0, 3, 0.05).value, 1, 1.5, 2, ' mM'),
    source: 'Clements et al. 1992 Science 258:1498 (1.1 mM, τ 1.2 ms)',
  },
  {
    id: 'glu-ampa-open',
    scene: 'glutamate-release',
    kind: 'spoken',
    text: 'AMPA receptors open;',
    bookmark: 'ampa-open',
    quantity: 'ampaOpenFraction',
    check: (ctx) => atLeast(stateAt(ctx, 'glutamate-release', 'ampa-open').ampaOpenFraction, 0.2),
    source: 'Destexhe et al. 1994 J Comput Neurosci 1:195; PMC2269430',
  },
  {
    id: 'glu-depolarises',
    scene: 'glutamate-release',
    kind: 'spoken',
    text: 'the spine depolarises.',
    bookmark: 'ampa-open',
    quantity: 'vmMv above rest, mV',
    check: (ctx) =>
      atLeast(stateAt(ctx, 'glutamate-release', 'ampa-open').vmMv - baselineState(ctx.data.trace).vmMv, 2, 1, ' mV'),
    source: SEED,
  },
  {
    id: 'clock-first-train',
    scene: 'glutamate-release',
    kind: 'screen',
    text: 'clock "train 1 of 3"',
    bookmark: 'release',
    quantity: 'induction phase of the clock time (trains found in the protocol)',
    check: (ctx) =>
      equals(
        inductionPhaseLabel(
          msAtBookmark(ctx, 'glutamate-release', 'release'),
          inductionTrains(ctx.data.trace.protocol),
        ),
        `train 1 of ${EXPLAINER_INDUCTION.trains}`,
      ),
    source: HK94,
  },
  // Mg2+
  {
    id: 'mg-rest',
    scene: 'mg-expulsion',
    kind: 'spoken',
    text: 'At rest, Mg²⁺ plugs the NMDA pore.',
    quantity: 'mgUnblockedFraction at rest (Jahr-Stevens B)',
    check: (ctx) => atMost(baselineState(ctx.data.trace).mgUnblockedFraction, 0.06, 3),
    source: `${JS90} (B(−70 mV, 1 mM) = 0.0445)`,
  },
  {
    id: 'mg-out',
    scene: 'mg-expulsion',
    kind: 'spoken',
    text: 'Glutamate plus strong depolarisation drives it out:',
    bookmark: 'mg-out',
    quantity: 'mgUnblockedFraction (share of pores free, graded)',
    check: (ctx) => atLeast(stateAt(ctx, 'mg-expulsion', 'mg-out').mgUnblockedFraction, MG_FREE_FRACTION_AT_BOOKMARK),
    source: `${JS90} (B = 0.5 at −20.5 mV, 1 mM Mg²⁺)`,
  },
  {
    id: 'mg-meter',
    scene: 'mg-expulsion',
    kind: 'screen',
    text: '"NMDA pores free of Mg²⁺: N %" (graded bar) and Vm',
    bookmark: 'mg-out',
    quantity: 'round(100 × mgUnblockedFraction) %',
    check: (ctx) => atLeast(Math.round(stateAt(ctx, 'mg-expulsion', 'mg-out').mgUnblockedFraction * 100), 50, 0, ' %'),
    source: JS90,
  },
  {
    id: 'mg-coincidence',
    scene: 'mg-expulsion',
    kind: 'spoken',
    text: 'a coincidence detector.',
    quantity: 'largest mgUnblockedFraction during a baseline test pulse (glutamate without depolarisation)',
    check: (ctx) => atMost(peakOf(ctx.data.trace, (s) => s.mgUnblockedFraction, -60_000, -59_900, 0.1).value, 0.1),
    source: `${SEED}; ${JS90}`,
  },
  // Ca2+
  {
    id: 'ca-floods',
    scene: 'calcium-surge',
    kind: 'spoken',
    text: 'Ca²⁺ floods in,',
    bookmark: 'floods',
    quantity: 'spineCaMicroM, µM',
    check: (ctx) => atLeast(stateAt(ctx, 'calcium-surge', 'floods').spineCaMicroM, 1, 2, ' µM'),
    source: 'science-reference §3 (several µM during a tetanus)',
  },
  {
    id: 'ca-rest',
    scene: 'calcium-surge',
    kind: 'spoken',
    text: 'from 65 nM',
    quantity: 'spineCaMicroM at rest, nM (the readout\'s "rest" mark)',
    check: (ctx) => within(restCaMicroM(ctx.data.trace) * 1000, 64.5, 65.5, 1, ' nM'),
    source: 'Sabatini, Oertner & Svoboda 2002 Neuron 33:439 (65 nM in CA1 spines)',
  },
  {
    id: 'ca-micromolar',
    scene: 'calcium-surge',
    kind: 'spoken',
    text: 'to micromolar,',
    quantity: 'peak spineCaMicroM in the first train, µM',
    check: (ctx) => within(ltdComparison(ctx.runs.ltd, ctx.data.trace).trainCaPeakMicroM, 1, 20, 2, ' µM'),
    source: SEED,
  },
  {
    id: 'ca-duration',
    scene: 'calcium-surge',
    kind: 'spoken',
    text: 'for about a second.',
    quantity: 'time spineCaMicroM ≥ 1 µM in the first train, s (the readout prints it)',
    check: (ctx) => within(firstTrainTimeAboveMs(ctx.data.trace, 1) / 1000, 0.7, 1.3, 2, ' s'),
    source: 'model; 100 Hz × 1 s train (Huang & Kandel 1994)',
  },
  // CaMKII
  {
    id: 'camkii-on',
    scene: 'camkii-lock-in',
    kind: 'spoken',
    text: 'Calcium switches on CaMKII.',
    quantity: 'peak camkiiActiveFraction in the first train',
    check: (ctx) => atLeast(peakOf(ctx.data.trace, (s) => s.camkiiActiveFraction, 0, 1100, 1).value, 0.3),
    source: CAMKII_SRC,
  },
  {
    id: 'camkii-stays-active',
    scene: 'camkii-lock-in',
    kind: 'spoken',
    text: 'Phosphorylated at T286, it stays active',
    bookmark: 'falls',
    quantity: 'camkiiPT286Fraction',
    check: (ctx) => atLeast(stateAt(ctx, 'camkii-lock-in', 'falls').camkiiPT286Fraction, 0.3),
    source: CAMKII_SRC,
  },
  {
    id: 'camkii-calcium-fallen',
    scene: 'camkii-lock-in',
    kind: 'spoken',
    text: 'after calcium falls.',
    bookmark: 'falls',
    quantity: 'spineCaMicroM, µM',
    check: (ctx) => atMost(stateAt(ctx, 'camkii-lock-in', 'falls').spineCaMicroM, 0.1, 3, ' µM'),
    source: 'Sabatini 2002 (rest 65 nM)',
  },
  {
    id: 'camkii-seconds',
    scene: 'camkii-lock-in',
    kind: 'spoken',
    text: 'for seconds',
    quantity: 'camkiiPT286Fraction 30 s after the first train (seconds, not a lasting switch)',
    check: (ctx) => atMost(camkiiAfterFirstTrain(ctx.data.trace).at30sAfterEnd, 0.1, 3),
    source: `${CAMKII_SRC}; science-reference check 20`,
  },
  {
    id: 'camkii-panel',
    scene: 'camkii-lock-in',
    kind: 'screen',
    text: `title "${SCREEN_TEXT['camkii-lock-in'].title}"; "N / 12 phosphorylated at T286: active without Ca²⁺"`,
    bookmark: 'falls',
    quantity: 'lit subunits = round(12 × camkiiPT286Fraction)',
    check: (ctx) =>
      atLeast(Math.round(12 * stateAt(ctx, 'camkii-lock-in', 'falls').camkiiPT286Fraction), 4, 0, ' / 12'),
    source: 'Miller et al. 2005 PLoS Biol 3:e107 (12 subunits); ' + CAMKII_SRC,
  },
  // AMPA receptors
  {
    id: 'ampa-phosphorylates',
    scene: 'ampa-insertion',
    kind: 'spoken',
    text: 'CaMKII phosphorylates AMPA receptors',
    bookmark: 'traps',
    quantity: 'gluA1S831Fraction (normalised S831 signal, not stoichiometry; no % shown)',
    check: (ctx) => atLeast(stateAt(ctx, 'ampa-insertion', 'traps').gluA1S831Fraction, 0.1),
    source:
      'Barria et al. 1997 Science 276:2042; Derkach et al. 1999 PNAS 96:3269; Hosokawa et al. 2015 Neuron 85:60 (< 1 %)',
  },
  {
    id: 'ampa-traps',
    scene: 'ampa-insertion',
    kind: 'spoken',
    text: 'and traps more of them in the synapse.',
    bookmark: 'traps',
    quantity: 'ampaReceptorCount / baseline',
    check: (ctx) =>
      atLeast(
        stateAt(ctx, 'ampa-insertion', 'traps').ampaReceptorCount / baselineState(ctx.data.trace).ampaReceptorCount,
        1.15,
      ),
    source: 'Opazo et al. 2010 Neuron 67:239 (CaMKII traps diffusing AMPARs); Matsuzaki 2001; Nusser 1998',
  },
  // spine growth
  {
    id: 'spine-grows',
    scene: 'spine-growth',
    kind: 'spoken',
    text: 'The spine head grows;',
    bookmark: 'grows',
    quantity: 'spineHeadVolumeUm3 / baseline',
    check: (ctx) =>
      atLeast(
        stateAt(ctx, 'spine-growth', 'grows').spineHeadVolumeUm3 / baselineState(ctx.data.trace).spineHeadVolumeUm3,
        1.5,
      ),
    source: 'Matsuzaki et al. 2004 Nature 429:761 (sLTP)',
  },
  {
    id: 'spine-now-short-term',
    scene: 'spine-growth',
    kind: 'screen',
    text: `"${SCREEN_TEXT['spine-growth'].labels.now}"`,
    bookmark: 'grows',
    quantity: 'ptpFraction (post-tetanic potentiation) in the "now" response',
    check: (ctx) => atLeast(stateAt(ctx, 'spine-growth', 'grows').ptpFraction ?? 0, 0.1),
    source: 'science-reference §7 (PTP decays over 5–10 min)',
  },
  {
    id: 'spine-lasts',
    scene: 'spine-growth',
    kind: 'spoken',
    text: 'an hour later, the bigger response lasts.',
    bookmark: 'lasts',
    quantity: 'fepspPercent at the time the panel shows from "lasts" (must be 60 min after the last train)',
    check: (ctx) => {
      const frame = bookmarkFrameOf(ctx, 'spine-growth', 'lasts');
      const shownMs = spinePanelTimeMs(frame, frame, msAtBookmark(ctx, 'spine-growth', 'lasts'), ctx.data.trace);
      const after = shownMs - lastTrainEndMs(ctx.data.trace.protocol);
      const pct = ctx.data.trace.sample(shownMs).fepspPercent;
      return {
        value: `${pct.toFixed(0)} % at ${formatPhysicalTime(after)} after the last train`,
        expected: '≥ 130 % at 60.0 min after the last train',
        ok: Math.abs(after - 60 * 60_000) < 1 && pct >= 130,
      };
    },
    source: 'science-reference §7; ' + HK94,
  },
  {
    id: 'spine-lasting-volume',
    scene: 'spine-growth',
    kind: 'screen',
    text: `"Spine head volume, ${SCREEN_TEXT['spine-growth'].labels.lasting}"`,
    bookmark: 'lasts',
    quantity: 'spineHeadVolumeUm3 / baseline, 60 min after the last train',
    check: (ctx) => within(lastingValues(ctx.data.trace).headVolumeRatio, 1.2, 2.2),
    source: 'science-reference §6 (sustained sLTP +50 to +100 %)',
  },
  // outro
  {
    id: 'outro-early-fades',
    scene: 'outro',
    kind: 'spoken',
    text: 'Early LTP fades within hours;',
    quantity: 'hours after the last train until the anisomycin run is back at ≤ 120 %',
    check: (ctx) => {
      const t = fadedBelowMs(ctx.runs.anisomycin, 120);
      const h = t === null ? Infinity : (t - lastTrainEndMs(ctx.runs.anisomycin.protocol)) / HOUR_MS;
      return within(h, 1, 8, 1, ' h');
    },
    source: `${FREY88}; ${HK94}; Abbas et al. 2015 Rev Neurosci`,
  },
  {
    id: 'outro-late-three-trains',
    scene: 'outro',
    kind: 'spoken',
    text: 'late LTP needs repeated trains and new protein.',
    bookmark: 'late',
    quantity: 'fepspPercent 8 h after the last train, three trains',
    check: (ctx) => atLeast(fepspHoursAfter(ctx.runs.lateLtp, 8), 130, 0, ' %'),
    source: HK94,
  },
  {
    id: 'outro-late-one-train',
    scene: 'outro',
    kind: 'spoken',
    text: 'repeated trains',
    quantity: 'fepspPercent 8 h after one train',
    check: (ctx) => atMost(fepspHoursAfter(ctx.runs.oneTrain, 8), 120, 0, ' %'),
    source: HK94,
  },
  {
    id: 'outro-late-anisomycin',
    scene: 'outro',
    kind: 'spoken',
    text: 'new protein.',
    quantity: 'fepspPercent 8 h after three trains with anisomycin',
    check: (ctx) => atMost(fepspHoursAfter(ctx.runs.anisomycin, 8), 120, 0, ' %'),
    source: FREY88,
  },
  {
    id: 'outro-chart-runs',
    scene: 'outro',
    kind: 'screen',
    text: `chart lines "${SCREEN_TEXT.outro.labels.lateLtp}", "${SCREEN_TEXT.outro.labels.anisomycin}", "${SCREEN_TEXT.outro.labels.oneTrain}"`,
    quantity: "trains in each run's protocol, and anisomycin in its conditions",
    check: (ctx) =>
      equals(
        [
          inductionTrains(ctx.runs.lateLtp.protocol).length,
          inductionTrains(ctx.runs.anisomycin.protocol).length,
          ctx.runs.anisomycin.conditions.anisomycin ? 'aniso' : 'no drug',
          inductionTrains(ctx.runs.oneTrain.protocol).length,
        ].join(', '),
        '3, 3, aniso, 1',
      ),
    source: 'model runs (explainerComparisonTraces)',
  },
  {
    id: 'outro-boundary',
    scene: 'outro',
    kind: 'screen',
    text: 'early/late boundary of the chart and "Early · existing proteins: … back to ≤ 120 % by N h"',
    quantity: 'fadedBelowMs(anisomycin, 120 %): hours after the last train until early LTP alone has faded',
    check: (ctx) => {
      const t = fadedBelowMs(ctx.runs.anisomycin, 120);
      const h = t === null ? Infinity : (t - lastTrainEndMs(ctx.runs.anisomycin.protocol)) / HOUR_MS;
      return within(h, 1, 5, 1, ' h');
    },
    source: `${HK94}; ${SEED} (early LTP ~1–3 h)`,
  },
  {
    id: 'outro-ltd-small',
    scene: 'outro',
    kind: 'spoken',
    text: 'A small, slow calcium rise',
    bookmark: 'ltd',
    quantity: 'LFS Ca²⁺ peak / first-train Ca²⁺ peak',
    check: (ctx) => {
      const n = ltdComparison(ctx.runs.ltd, ctx.data.trace);
      return atMost(n.ltdCaPeakMicroM / n.trainCaPeakMicroM, 0.25);
    },
    source: `${SEED} (table: modest, slow, sustained rise); ${LTD_SRC}`,
  },
  {
    id: 'outro-ltd-phosphatases',
    scene: 'outro',
    kind: 'spoken',
    text: 'lets phosphatases win:',
    bookmark: 'ltd',
    quantity: 'LFS peak phosphataseActivity / peak camkiiPT286Fraction',
    check: (ctx) => {
      const n = ltdComparison(ctx.runs.ltd, ctx.data.trace);
      return atLeast(n.ltdPhosphatasePeak / Math.max(n.ltdPT286Peak, 1e-6), 2, 1);
    },
    source: 'Mulkey et al. 1993 Nature 361:790 / 1994 Nature 369:486 (calcineurin, PP1)',
  },
  {
    id: 'outro-ltd-weakens',
    scene: 'outro',
    kind: 'spoken',
    text: 'the synapse weakens.',
    bookmark: 'weakens',
    quantity: 'LFS run fepspPercent 1 h after the LFS (the LTD card prints it)',
    check: (ctx) => atMost(ltdComparison(ctx.runs.ltd, ctx.data.trace).fepspPercent1hAfter, 90, 0, ' %'),
    source: `${LTD_SRC} (≈ 70–85 %)`,
  },
  {
    id: 'outro-ltd-card',
    scene: 'outro',
    kind: 'screen',
    text: `"${SCREEN_TEXT.outro.labels.ltdHeading}": "1 Hz × 900 pulses (15 min)"`,
    quantity: "pulses, rate and duration of the LTD run's protocol",
    check: (ctx) => {
      const n = ltdComparison(ctx.runs.ltd, ctx.data.trace);
      return equals(`${n.rateHz.toFixed(0)} Hz × ${n.pulses} (${n.durationMin.toFixed(0)} min)`, '1 Hz × 900 (15 min)');
    },
    source: LTD_SRC,
  },
];

/** A claim with its checked result (null for literature-only claims). */
export interface EvaluatedClaim {
  claim: Claim;
  /** Physical time of the bookmark on the scene's clock, ms, when the claim has a bookmark. */
  atMs: number | null;
  result: ClaimResult | null;
}

/** Checks every claim against `ctx`. */
export function evaluateClaims(ctx: ClaimContext, claims: readonly Claim[] = CLAIMS): EvaluatedClaim[] {
  return claims.map((claim) => ({
    claim,
    atMs: claim.bookmark ? msAtBookmark(ctx, claim.scene, claim.bookmark) : null,
    result: claim.check ? claim.check(ctx) : null,
  }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/claims.md: the table of every claim, generated (do not edit by hand). */
export function renderClaimsMarkdown(evaluated: readonly EvaluatedClaim[]): string {
  const lines = [
    '# What the film claims, and why it is true',
    '',
    '<!-- Generated by `npx tsx src/story/claimsCli.ts` from src/story/claims.ts; do not edit by hand. -->',
    '',
    'Every spoken claim (a fragment of captions/narration.script.md) and every label or number on screen,',
    'with the model quantity behind it, its value where the viewer meets it (at its narration bookmark, on',
    "the scene's clock: t = 0 is the first spike of the first of three 100 Hz × 1 s trains, 10 min apart)",
    'and what it must be for the words to be true. `npx vitest run test/story/claims.test.ts` fails when a',
    'value contradicts its words or this file is stale.',
    '',
    '| # | scene | kind | words / on screen | model quantity | at | value | must be | ok | source |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  evaluated.forEach((e, i) => {
    const c = e.claim;
    const at = c.bookmark ? `"${c.bookmark}" (t = ${formatPhysicalTime(e.atMs ?? 0)})` : 'whole run';
    lines.push(
      `| ${i + 1} | ${c.scene} | ${c.kind} | ${cell(c.text)} | ${cell(c.quantity)} | ${cell(at)} | ${cell(e.result?.value ?? '—')} | ${cell(e.result?.expected ?? 'literature')} | ${e.result === null ? '—' : e.result.ok ? 'yes' : '**NO**'} | ${cell(c.source)} |`,
    );
  });
  lines.push('');
  return lines.join('\n');
}
