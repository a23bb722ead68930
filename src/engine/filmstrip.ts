/**
 * Where the frames of one screenshot sit when a capture page shows several
 * consecutive frames side by side (a filmstrip), and which frames each
 * screenshot holds.
 *
 * Why: on this 2-core machine much of a 1080p screenshot's cost is fixed per
 * screenshot, not per pixel (static 1080p page, 2 pages: 100-119 ms CPU a
 * frame with one frame a shot, 73-77 with two, 53 with three;
 * docs/render.md). Drawing consecutive frames side by side and taking one
 * screenshot of them pays that cost once.
 *
 * A frame has the same pixels whichever tile it lands in, and the same as
 * when it is captured alone, because:
 * - each tile is its own compositing layer (the capture driver gives it
 *   `will-change: transform`), so Chromium rasterises a frame in the frame's
 *   own coordinates, not the page's;
 * - tiles start on JPEG's 16 px block grid, so every 8x8 luma and 16x16
 *   colour block of a frame is the same block in the screenshot, encoded the
 *   same way, and no block holds pixels of two frames.
 * The render tests check it: 1 and 2 workers, 1 to 4 frames a shot,
 * frames in other tiles, decode to identical frames.
 */

/**
 * Most frames a screenshot may hold. More share more of the fixed cost, but
 * every tile has its own copy of the scene (and, before the shared context
 * of sharedGl.ts, its own WebGL context); 4 was slower than 3 for the
 * explainer then (docs/render.md).
 */
export const MAX_FRAMES_PER_SHOT = 4;

/** JPEG 4:2:0 block size: every tile starts on a block boundary. */
export const JPEG_BLOCK_PX = 16;

export interface FilmstripLayout {
  /** Frames per screenshot. */
  tiles: number;
  /** One frame's size, px. */
  frameWidth: number;
  frameHeight: number;
  /** Distance between the left edges of consecutive frames: the frame width rounded up to a JPEG block, px. */
  pitch: number;
  /** Page (and screenshot) size, px. */
  stripWidth: number;
  stripHeight: number;
}

/**
 * Layout for video capture: `tiles` frames side by side, each in a tile as
 * wide as the frame rounded up to a JPEG block (also with one tile, so a
 * 1080-wide frame is encoded the same whether it is shot alone or beside
 * others: JPEG pads a partial block with copies of the edge, not with the
 * next tile).
 */
export function filmstripLayout(frameWidth: number, frameHeight: number, tiles: number): FilmstripLayout {
  if (!Number.isInteger(tiles) || tiles < 1)
    throw new Error(`filmstrip: tiles must be a whole number >= 1 (got ${tiles}).`);
  const pitch = Math.ceil(frameWidth / JPEG_BLOCK_PX) * JPEG_BLOCK_PX;
  // Every tile is `pitch` wide, the last one too: the encoder cuts the strip into equal tiles.
  return { tiles, frameWidth, frameHeight, pitch, stripWidth: tiles * pitch, stripHeight: frameHeight };
}

/** The page is exactly one frame (stills, the determinism probe). */
export function singleFrameLayout(frameWidth: number, frameHeight: number): FilmstripLayout {
  return { tiles: 1, frameWidth, frameHeight, pitch: frameWidth, stripWidth: frameWidth, stripHeight: frameHeight };
}

/** Left edge of tile `index`'s frame on the page, px. */
export function tileLeft({ pitch }: Pick<FilmstripLayout, 'pitch'>, index: number): number {
  return index * pitch;
}

/**
 * The frames each screenshot shows, for a contiguous range: consecutive
 * groups of `tiles`; the last group is filled up with the range's last frame
 * (drawn again, dropped by the encoder).
 */
export function filmstripGroups(first: number, last: number, tiles: number): number[][] {
  const groups: number[][] = [];
  for (let start = first; start <= last; start += tiles) {
    groups.push(Array.from({ length: tiles }, (_, i) => Math.min(start + i, last)));
  }
  return groups;
}
