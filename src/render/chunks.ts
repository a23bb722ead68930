/**
 * Chunk primitives for spreading one render over machines: the K-th of N
 * equal frame ranges, rendered to a video-only segment with a manifest beside
 * it (a sidecar `<chunk>.json`) that says where it came from. `joinChunks.ts`
 * refuses to join chunks whose manifests disagree. Any scheduler can drive
 * these (a CI matrix, a Kubernetes Indexed Job, the BullMQ queue in
 * src/distributed).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { renderConfig } from '../../render.config';
import type { CompositionMeta } from '../engine/composition';
import { writeFileAtomic } from '../publish/atomicWrite';
import { REPO_ROOT } from './bundle';
import { frameCount, type FrameRange } from './frameRange';
import { resolveComposition, resolveCrf, resolveFrameRange, type FrameRangeInput } from './renderOptions';
import { renderVideo, type RenderProgress, type RenderResult } from './renderVideo';

/** The K-th (from 1) of N chunks. */
export interface ChunkSpec {
  index: number;
  count: number;
}

/** Parses `--chunk K/N` (1 <= K <= N), or throws saying what is valid. */
export function parseChunkSpec(text: string): ChunkSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const spec = m ? { index: Number(m[1]), count: Number(m[2]) } : null;
  if (!spec || spec.count < 1 || spec.index < 1 || spec.index > spec.count)
    throw new Error(
      `--chunk "${text}" is not valid; use K/N with 1 <= K <= N, e.g. --chunk 2/8 (the 2nd of 8 chunks).`,
    );
  return spec;
}

/** Frames per chunk: N equal ranges, rounded up, so only the last may be shorter. */
export function chunkSize(range: FrameRange, count: number): number {
  return Math.ceil(frameCount(range) / count);
}

/**
 * The frames of chunk K/N of `range`: N ranges of ceil(frames / N) frames, the
 * last one shorter. Throws when N is so large that chunk K would be empty.
 */
export function chunkRange(range: FrameRange, { index, count }: ChunkSpec): FrameRange {
  const total = frameCount(range);
  const size = chunkSize(range, count);
  const usable = Math.ceil(total / size);
  if (count > usable)
    throw new Error(
      `--chunk ${index}/${count}: ${total} frames (${range.first}-${range.last}) make only ${usable} chunks of ${size} frames; use at most ${usable} chunks.`,
    );
  const first = range.first + (index - 1) * size;
  return { first, last: Math.min(range.last, first + size - 1) };
}

/** Everything that decides a chunk's pixels and stream layout; two chunks join only when these are equal. */
export interface ChunkEncoder {
  codec: string;
  preset: string;
  profile: string;
  pixelFormat: string;
  colorMatrix: string;
  crf: number;
  fps: number;
  width: number;
  height: number;
}

export function chunkEncoder(meta: CompositionMeta, crf: number): ChunkEncoder {
  const v = renderConfig.video;
  return {
    codec: v.codec,
    preset: v.preset,
    profile: crf === 0 ? 'high444 (lossless)' : v.profile,
    pixelFormat: v.pixelFormat,
    colorMatrix: v.colorMatrix,
    crf,
    fps: meta.fps,
    width: meta.width,
    height: meta.height,
  };
}

export const CHUNK_MANIFEST_KIND = 'ltp-render-chunk';

/** The sidecar written beside every chunk (`chunk-2-of-8.mp4` -> `chunk-2-of-8.json`). */
export interface ChunkManifest {
  kind: typeof CHUNK_MANIFEST_KIND;
  version: 1;
  composition: string;
  /** Source hash of the render bundle (bundle.ts hashSources): same sources, same pixels. */
  sourceHash: string;
  /** sha256 of the composition props as JSON ("" for the default props). */
  propsHash: string;
  /** The whole range the N chunks cover. */
  range: FrameRange;
  chunk: ChunkSpec;
  /** This chunk's frames (inclusive). */
  frames: FrameRange;
  encoder: ChunkEncoder;
  /** The video file, relative to the manifest's directory. */
  file: string;
  bytes: number;
  sha256: string;
}

export function manifestPathFor(chunkFile: string): string {
  return chunkFile.replace(/\.mp4$/i, '') + '.json';
}

/** `chunk-02-of-16.mp4`: zero-padded so a directory listing sorts in order. */
export function chunkFileName({ index, count }: ChunkSpec): string {
  const w = String(count).length;
  return `chunk-${String(index).padStart(w, '0')}-of-${count}.mp4`;
}

export function propsHash(props: Record<string, unknown> | undefined): string {
  return props === undefined ? '' : createHash('sha256').update(JSON.stringify(props)).digest('hex').slice(0, 16);
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

export function readChunkManifest(file: string): ChunkManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not a readable chunk manifest (${(e as Error).message}).`, { cause: e });
  }
  const m = parsed as Partial<ChunkManifest>;
  if (m?.kind !== CHUNK_MANIFEST_KIND || m.version !== 1 || !m.chunk || !m.range || !m.frames || !m.encoder)
    throw new Error(`${file}: not a chunk manifest (no "kind": "${CHUNK_MANIFEST_KIND}", version 1).`);
  return m as ChunkManifest;
}

export interface RenderChunkOptions {
  compositionId: string;
  chunk: ChunkSpec;
  /** The range the N chunks split (default: the whole composition). */
  frameRange?: FrameRangeInput;
  /** Output .mp4 (default out/chunks/<composition>/chunk-K-of-N.mp4); the manifest goes beside it. */
  outPath?: string;
  crf?: number;
  concurrency?: number;
  framesPerShot?: number;
  inputProps?: Record<string, unknown>;
  onProgress?: (p: RenderProgress) => void;
}

export interface RenderChunkResult {
  outPath: string;
  manifestPath: string;
  manifest: ChunkManifest;
  render: RenderResult;
}

/** Where a chunk goes when no --out is given. */
export function defaultChunkPath(compositionId: string, chunk: ChunkSpec): string {
  return join(REPO_ROOT, renderConfig.outDir, 'chunks', compositionId, chunkFileName(chunk));
}

/**
 * Renders chunk K/N to a video-only H.264 segment with the encoder settings of
 * a full render, then writes its manifest. Deterministic: the same chunk of
 * the same sources gives the same bytes (x264 runs single-threaded, capture is
 * deterministic; test/render/chunks.test.ts renders one twice).
 */
export async function renderChunk(options: RenderChunkOptions): Promise<RenderChunkResult> {
  const meta = resolveComposition(options.compositionId);
  const range = resolveFrameRange(options.frameRange, meta);
  const frames = chunkRange(range, options.chunk);
  const crf = resolveCrf(options.crf);
  const outPath = resolve(options.outPath ?? defaultChunkPath(meta.id, options.chunk));
  const render = await renderVideo({
    compositionId: meta.id,
    outPath,
    frameRange: frames,
    crf,
    concurrency: options.concurrency,
    framesPerShot: options.framesPerShot,
    inputProps: options.inputProps,
    onProgress: options.onProgress,
    videoOnly: true,
  });
  const bytes = readFileSync(outPath);
  const manifest: ChunkManifest = {
    kind: CHUNK_MANIFEST_KIND,
    version: 1,
    composition: meta.id,
    sourceHash: render.sourceHash,
    propsHash: propsHash(options.inputProps),
    range,
    chunk: options.chunk,
    frames,
    encoder: chunkEncoder(meta, crf),
    file: basename(outPath),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const manifestPath = manifestPathFor(outPath);
  writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { outPath, manifestPath, manifest, render };
}

/** True when `file` and its manifest exist, the manifest describes `want`, and the bytes match its sha256. */
export async function isCompleteChunk(file: string, want: Omit<ChunkManifest, 'file' | 'bytes' | 'sha256'>) {
  const manifestPath = manifestPathFor(file);
  if (!existsSync(file) || !existsSync(manifestPath)) return false;
  try {
    const m = readChunkManifest(manifestPath);
    if (m.file !== basename(file) || dirname(resolve(file)) !== dirname(resolve(manifestPath))) return false;
    if (identityKey(m) !== identityKey(want)) return false;
    return (await sha256File(file)) === m.sha256;
  } catch {
    return false;
  }
}

/** The fields two chunks of one render share, as one comparable string. */
export function identityKey(
  m: Pick<ChunkManifest, 'composition' | 'sourceHash' | 'propsHash' | 'range' | 'chunk' | 'encoder'>,
) {
  return JSON.stringify([m.composition, m.sourceHash, m.propsHash, m.range, m.chunk, m.encoder]);
}
