import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompositionMeta } from '../engine/composition';
import { REPO_ROOT } from './bundle';
import { spawnGroup, waitForExit } from './childProcesses';
import { concatListLine, joinAndMuxArgs } from './ffmpegArgs';
import { frameCount, type FrameRange } from './frameRange';

export interface JoinAndMuxOptions {
  ffmpegPath: string;
  /** Picture-only .mp4 files, in order (one render's video, or the chunks of a distributed render). */
  videoFiles: readonly string[];
  /** The composition: its audio (if any) and frame rate. */
  meta: Pick<CompositionMeta, 'audio' | 'fps'>;
  /** The frames the videos hold together (the audio is cut to match). */
  range: FrameRange;
  outFile: string;
  /** Directory the audio's public path is relative to (default the repo's public/; a --project copy's own). */
  publicDir?: string;
  /** What the step is called in an error ("join 4 chunks + mux audio"). */
  label: string;
  /** Sees the ffmpeg process as soon as it starts (so a failing render can kill it). */
  onSpawn?: (child: ChildProcess) => void;
}

/**
 * The last step of every render: joins the picture-only videos without
 * re-encoding, muxes the composition's audio (AAC, cut to the range) and
 * writes `outFile` with the index at the front (ffmpegArgs.joinAndMuxArgs).
 */
export async function joinAndMux(o: JoinAndMuxOptions): Promise<void> {
  const listDir = mkdtempSync(join(tmpdir(), 'render-join-'));
  try {
    const listFile = join(listDir, 'videos.txt');
    writeFileSync(listFile, o.videoFiles.map(concatListLine).join('\n') + '\n');
    const ffmpeg = spawnGroup(
      o.ffmpegPath,
      joinAndMuxArgs({
        concatListFile: listFile,
        audio: o.meta.audio,
        publicDir: o.publicDir ?? join(REPO_ROOT, 'public'),
        startSeconds: o.range.first / o.meta.fps,
        durationSeconds: frameCount(o.range) / o.meta.fps,
        outFile: o.outFile,
      }),
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    o.onSpawn?.(ffmpeg);
    await waitForExit(ffmpeg, `ffmpeg (${o.label})`);
  } finally {
    rmSync(listDir, { recursive: true, force: true });
  }
}
