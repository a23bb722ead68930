/**
 * The bench compositions' font: DejaVu Sans, installed system-wide by
 * Debian (fonts-dejavu-core; scripts/bootstrap.mjs installs it with the
 * render profile). Declared as local() faces so the capture driver loads and
 * waits for them like a shipped font (loadDeclaredFonts), and so a missing
 * font is an error instead of a silent fallback.
 */
export const BENCH_FONT_FAMILY = 'Bench DejaVu Sans';

const FACES = [
  { weight: '400', local: ['DejaVu Sans', 'DejaVuSans'] },
  { weight: '700', local: ['DejaVu Sans Bold', 'DejaVuSans-Bold'] },
];

let registered: FontFace[] | null = null;

/** Adds the two faces to document.fonts once (browser only). */
export function registerBenchFont(): readonly FontFace[] {
  if (registered) return registered;
  registered = FACES.map(
    (f) => new FontFace(BENCH_FONT_FAMILY, f.local.map((name) => `local('${name}')`).join(', '), { weight: f.weight }),
  );
  for (const face of registered) document.fonts.add(face);
  return registered;
}

/** Throws a message saying what to install when a face could not be loaded. */
export function assertBenchFontLoaded(): void {
  for (const face of registerBenchFont()) {
    if (face.status === 'error') {
      throw new Error(
        `DejaVu Sans (weight ${face.weight}) is not installed; install it with: apt-get install fonts-dejavu-core`,
      );
    }
  }
}
