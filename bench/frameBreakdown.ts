import { findCompositionMeta } from '../src/compositions/catalog';
import { filmstripLayout } from '../src/engine/capture';
import { withSessionBrowser } from '../src/render/renderSession';
import { renderConfig } from '../render.config';
import { startTreeSampler } from './processTreeSampler';

/** One phase of the breakdown: wall time and CPU by process kind, per frame, ms. */
export interface BreakdownPhase {
  wallMsPerFrame: number;
  cpuMsPerFrameByKind: Record<string, number>;
}

/**
 * Where a frame's time goes, one step at a time, on ONE capture page (the
 * render's filmstrip page, one worker, nothing encoded): `strips` filmstrips
 * drawn with setFrames only (React, three.js draws and their copies), then
 * `strips` screenshots of the last one only (compositing, read-back, JPEG,
 * CDP). A render overlaps these across workers; this says which one a frame's
 * CPU goes to, e.g. that bench-3d's draw alone costs more than a 2-core
 * machine can give 11 frames a second (docs/render.md, "One encoder").
 */
export async function measureFrameBreakdown(
  compositionId: string,
  framesPerShot: number,
  strips = 15,
): Promise<{ draw: BreakdownPhase; screenshot: BreakdownPhase }> {
  const meta = findCompositionMeta(compositionId);
  return withSessionBrowser({}, async ({ openPage }) => {
    const page = await openPage(meta, { filmstrip: filmstripLayout(meta.width, meta.height, framesPerShot) });
    const first = Math.min(300, Math.max(0, meta.durationInFrames - strips * framesPerShot));
    const strip = (i: number) =>
      Array.from({ length: framesPerShot }, (_, k) => (first + i * framesPerShot + k) % meta.durationInFrames);
    await page.setFrames(strip(0)); // warm-up: shaders, fonts
    await page.capture(renderConfig.capture.format, renderConfig.capture.jpegQuality);
    const phase = async (step: (i: number) => Promise<unknown>): Promise<BreakdownPhase> => {
      const sampler = startTreeSampler(process.pid, 100);
      const started = performance.now();
      for (let i = 1; i <= strips; i++) await step(i);
      const wallMs = performance.now() - started;
      const frames = strips * framesPerShot;
      const cpu = sampler.stop().cpuSecondsByKind;
      return {
        wallMsPerFrame: wallMs / frames,
        cpuMsPerFrameByKind: Object.fromEntries(Object.entries(cpu).map(([k, s]) => [k, (1000 * s) / frames])),
      };
    };
    const draw = await phase((i) => page.setFrames(strip(i)));
    const screenshot = await phase(() => page.capture(renderConfig.capture.format, renderConfig.capture.jpegQuality));
    return { draw, screenshot };
  });
}

/** "GPU process 183, renderer 56 ms CPU" style text of a phase (kinds over 1 ms, largest first). */
export function describePhase(p: BreakdownPhase): string {
  const parts = Object.entries(p.cpuMsPerFrameByKind)
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`);
  return `${p.wallMsPerFrame.toFixed(0)} ms wall/frame (CPU ms/frame: ${parts.join(', ') || 'none'})`;
}
