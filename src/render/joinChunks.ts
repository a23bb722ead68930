/**
 * Joins the chunks of one render (chunks.ts) into the final MP4: checks that
 * every chunk is there once, from the same sources and encoder settings and
 * intact (sha256), concatenates them without re-encoding, muxes the
 * composition's narration once over the whole, writes faststart, and replaces
 * the output atomically.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderConfig } from '../../render.config';
import { produceFileAtomic } from '../publish/atomicWrite';
import { hashSources, REPO_ROOT } from './bundle';
import {
  chunkEncoder,
  chunkFileName,
  chunkRange,
  propsHash,
  readChunkManifest,
  sha256File,
  type ChunkManifest,
} from './chunks';
import { joinAndMux } from './joinAndMux';
import { frameCount, type FrameRange } from './frameRange';
import { resolveComposition } from './renderOptions';
import { findSystemTools } from './systemTools';

export interface JoinChunksOptions {
  compositionId: string;
  /** Directory holding chunk-K-of-N.mp4 files and their .json manifests, and nothing else of another render. */
  chunksDir: string;
  /** Output .mp4 (default out/<composition>.mp4). */
  outPath?: string;
  /** Source hash the chunks must carry (default: this checkout's, so the narration muxed in belongs to them). */
  sourceHash?: string;
  /** Props the chunks were rendered with (default the composition's defaults). */
  inputProps?: Record<string, unknown>;
}

export interface JoinChunksResult {
  outPath: string;
  chunks: number;
  frames: number;
  range: FrameRange;
  joinMs: number;
}

/** One thing wrong with one chunk; `index` is null when the file is not a chunk of this render at all. */
export interface ChunkProblem {
  index: number | null;
  kind: 'missing' | 'duplicate' | 'foreign' | 'corrupt';
  message: string;
}

/** Thrown when the chunk set cannot be joined; the message lists every problem, each naming its file. */
export class ChunkSetError extends Error {
  constructor(
    readonly chunksDir: string,
    readonly problems: ChunkProblem[],
  ) {
    super(
      `Cannot join the chunks in ${chunksDir}:\n${problems.map((p) => `  - ${p.message}`).join('\n')}\nNo output was written.`,
    );
  }
}

interface FoundChunk {
  manifestFile: string;
  videoFile: string;
  manifest: ChunkManifest;
}

/**
 * Reads and checks the chunk set in `dir`. Returns the chunks in order, or
 * throws a ChunkSetError naming every missing, duplicated, foreign or
 * corrupted chunk.
 */
export async function checkChunkSet(
  dir: string,
  expect: { composition: string; sourceHash: string; propsHash: string; crf?: number },
): Promise<{ chunks: FoundChunk[]; range: FrameRange }> {
  const meta = resolveComposition(expect.composition);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !n.startsWith('.'));
  } catch (e) {
    throw new Error(
      `--chunks ${dir}: cannot read the directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      { cause: e },
    );
  }
  const problems: ChunkProblem[] = [];
  const found: FoundChunk[] = [];
  const described = new Set<string>();
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const manifestFile = join(dir, name);
    let manifest: ChunkManifest;
    try {
      manifest = readChunkManifest(manifestFile);
    } catch (e) {
      problems.push({ index: null, kind: 'foreign', message: (e as Error).message });
      continue;
    }
    described.add(manifest.file);
    found.push({ manifestFile, videoFile: join(dir, manifest.file), manifest });
  }
  for (const name of names.filter((n) => n.endsWith('.mp4') && !described.has(n)).sort())
    problems.push({
      index: null,
      kind: 'foreign',
      message: `${join(dir, name)} has no chunk manifest beside it (${name.replace(/\.mp4$/, '.json')}); it is not a chunk of this render: remove it.`,
    });
  if (found.length === 0 && problems.length === 0)
    throw new ChunkSetError(dir, [
      { index: null, kind: 'missing', message: `no chunks (chunk-K-of-N.mp4 with a .json manifest) in ${dir}` },
    ]);

  // The reference: this checkout's sources, the chunks' common range, count and settings (the lowest index's).
  const reference = [...found].sort((a, b) => a.manifest.chunk.index - b.manifest.chunk.index)[0]?.manifest;
  const crf = expect.crf ?? reference?.encoder.crf ?? renderConfig.video.crf;
  const encoder = JSON.stringify(chunkEncoder(meta, crf));
  const byIndex = new Map<number, FoundChunk>();
  const good: FoundChunk[] = [];
  for (const c of found) {
    const m = c.manifest;
    const label = `chunk ${m.chunk.index}/${m.chunk.count} (${c.manifestFile})`;
    const why: string[] = [];
    if (m.composition !== meta.id) why.push(`is of composition "${m.composition}", not "${meta.id}"`);
    if (m.sourceHash !== expect.sourceHash)
      why.push(
        `was rendered from sources ${m.sourceHash}, these are ${expect.sourceHash} (a different checkout or edit)`,
      );
    if (m.propsHash !== expect.propsHash) why.push(`was rendered with other --props`);
    if (JSON.stringify(m.encoder) !== encoder)
      why.push(`has other encoder settings (${JSON.stringify(m.encoder)}; expected ${encoder})`);
    if (
      reference &&
      (m.chunk.count !== reference.chunk.count || JSON.stringify(m.range) !== JSON.stringify(reference.range))
    )
      why.push(
        `belongs to a split of frames ${m.range.first}-${m.range.last} into ${m.chunk.count}, not of ${reference.range.first}-${reference.range.last} into ${reference.chunk.count}`,
      );
    else if (reference) {
      const want = chunkRange(reference.range, m.chunk);
      if (want.first !== m.frames.first || want.last !== m.frames.last)
        why.push(
          `holds frames ${m.frames.first}-${m.frames.last}, chunk ${m.chunk.index} should hold ${want.first}-${want.last}`,
        );
    }
    if (why.length) {
      problems.push({ index: m.chunk.index, kind: 'foreign', message: `foreign ${label}: it ${why.join('; it ')}` });
      continue;
    }
    const twin = byIndex.get(m.chunk.index);
    if (twin) {
      problems.push({
        index: m.chunk.index,
        kind: 'duplicate',
        message: `duplicated chunk ${m.chunk.index}/${m.chunk.count}: both ${twin.manifestFile} and ${c.manifestFile}; keep one`,
      });
      continue;
    }
    byIndex.set(m.chunk.index, c);
    good.push(c);
  }
  if (reference) {
    for (let k = 1; k <= reference.chunk.count; k++) {
      if (byIndex.has(k)) continue;
      if (problems.some((p) => p.index === k)) continue;
      const r = chunkRange(reference.range, { index: k, count: reference.chunk.count });
      problems.push({
        index: k,
        kind: 'missing',
        message: `missing chunk ${k}/${reference.chunk.count} (frames ${r.first}-${r.last}): render it with \`npm run render -- --composition ${meta.id} --frames ${reference.range.first}-${reference.range.last} --chunk ${k}/${reference.chunk.count} --out ${join(dir, chunkFileName({ index: k, count: reference.chunk.count }))}\``,
      });
    }
  }
  for (const c of good) {
    let actual: string;
    try {
      actual = await sha256File(c.videoFile);
    } catch (e) {
      problems.push({
        index: c.manifest.chunk.index,
        kind: 'missing',
        message: `missing chunk ${c.manifest.chunk.index}/${c.manifest.chunk.count}: ${c.videoFile} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      });
      continue;
    }
    if (actual !== c.manifest.sha256)
      problems.push({
        index: c.manifest.chunk.index,
        kind: 'corrupt',
        message: `corrupted chunk ${c.manifest.chunk.index}/${c.manifest.chunk.count}: ${c.videoFile} has sha256 ${actual.slice(0, 16)}…, its manifest says ${c.manifest.sha256.slice(0, 16)}…; render it again`,
      });
  }
  if (problems.length) throw new ChunkSetError(dir, problems);
  return { chunks: good.sort((a, b) => a.manifest.chunk.index - b.manifest.chunk.index), range: reference!.range };
}

/** Checks the chunk set, then joins it and muxes the narration (see the file comment). */
export async function joinChunks(options: JoinChunksOptions): Promise<JoinChunksResult> {
  const started = performance.now();
  const meta = resolveComposition(options.compositionId);
  const outPath = resolve(options.outPath ?? join(REPO_ROOT, renderConfig.outDir, `${meta.id}.mp4`));
  if (!outPath.endsWith('.mp4')) throw new Error(`--out ${outPath}: the video output must be an .mp4 file.`);
  const chunksDir = resolve(options.chunksDir);
  const tools = findSystemTools();
  const { chunks, range } = await checkChunkSet(chunksDir, {
    composition: meta.id,
    sourceHash: options.sourceHash ?? hashSources(),
    propsHash: propsHash(options.inputProps),
  });
  await produceFileAtomic(outPath, (tmp) =>
    joinAndMux({
      ffmpegPath: tools.ffmpeg,
      videoFiles: chunks.map((c) => c.videoFile),
      meta,
      range,
      outFile: tmp,
      label: `join ${chunks.length} chunks + mux audio`,
    }),
  );
  return { outPath, chunks: chunks.length, frames: frameCount(range), range, joinMs: performance.now() - started };
}
