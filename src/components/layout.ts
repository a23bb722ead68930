/**
 * Where things go in each cut. The same scenes re-flow for 16:9, 9:16 and
 * 1:1: the 3D synapse moves, the data panel becomes a column or a row, and on
 * 9:16 everything that must be read stays out of the bottom 20 % and the
 * right 15 % (covered by social-app buttons).
 */
export type LayoutKind = 'landscape' | 'portrait' | 'square';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  kind: LayoutKind;
  width: number;
  height: number;
  /** Chapter title, top-left (x, y of the first line's top). */
  title: { x: number; y: number; size: number; maxWidth: number };
  /** Data cards (meters, plots, readouts). */
  panel: Rect & { direction: 'column' | 'row' };
  /** Burned-in caption box. */
  captions: Rect;
  /** Pixel where the synapse's focus point sits, and the 3D canvas box. */
  stageFocus: { x: number; y: number };
  stage: Rect;
  /** Multiplier for camera distance (narrow frames pull back). */
  cameraDistanceScale: number;
}

/** Picks the layout for a frame size. */
export function layoutFor(width: number, height: number): Layout {
  const aspect = width / height;
  if (aspect > 1.2) {
    return {
      kind: 'landscape',
      width,
      height,
      title: { x: 96, y: 64, size: 56, maxWidth: 1100 },
      panel: { x: 1268, y: 96, w: 560, h: 760, direction: 'column' },
      captions: { x: 210, y: 868, w: 1500, h: 160 },
      stageFocus: { x: 700, y: 500 },
      stage: { x: 0, y: 0, w: width, h: height },
      cameraDistanceScale: 1,
    };
  }
  if (aspect < 0.8) {
    // 9:16: readable things live in x < 85 % and y < 80 %.
    const safeRight = Math.round(width * 0.85);
    const safeBottom = Math.round(height * 0.8);
    return {
      kind: 'portrait',
      width,
      height,
      title: { x: 64, y: 96, size: 54, maxWidth: safeRight - 64 },
      panel: { x: 64, y: 1020, w: safeRight - 64, h: 300, direction: 'row' },
      captions: { x: 64, y: safeBottom - 196, w: safeRight - 64, h: 180 },
      stageFocus: { x: 470, y: 620 },
      stage: { x: 0, y: 0, w: width, h: 1320 },
      cameraDistanceScale: 1.55,
    };
  }
  return {
    kind: 'square',
    width,
    height,
    title: { x: 56, y: 48, size: 46, maxWidth: 960 },
    panel: { x: 690, y: 170, w: 340, h: 620, direction: 'column' },
    captions: { x: 56, y: 850, w: width - 112, h: 180 },
    stageFocus: { x: 360, y: 500 },
    stage: { x: 0, y: 0, w: width, h: height },
    cameraDistanceScale: 1.45,
  };
}
