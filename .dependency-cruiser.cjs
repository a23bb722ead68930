/**
 * The layers of src/ and which way imports may run: checked by
 * test/project/layers.test.ts (dependency-cruiser's API), so an import against
 * this order fails the tests. Each folder of src/ is one layer; a layer may
 * import its own folder and any layer listed BEFORE it, never one after it.
 * So the folder graph has no cycle by construction.
 *
 * The data flow is script -> voice -> timeline -> sim -> story -> scenes ->
 * compositions -> engine -> render -> publish. Three places where the import
 * order differs from that flow, and why:
 *  - engine comes first: it is the runtime scenes are written against (frames,
 *    Sequence, interpolate, ThreeCanvas), so components, scenes and compositions
 *    import it; the engine itself imports no other layer.
 *  - timeline (the pure frame math and the timings format) comes before
 *    voiceover: the voice stage hands over captions/timings.json, and its CLI
 *    lays the narration track and the caption files on the timeline built from it.
 *  - sim comes before timeline: the spine model needs nothing from the narration.
 *
 * Node plumbing (atomic writes, running tools, CLI parsing, output targets)
 * sits in src/publish but imports nothing from src/, so every layer may use it.
 */

/** Lowest first. */
const LAYERS = [
  'engine', // the frame runtime: imports no other layer
  'script', // narration script parser, scene ids, required bookmarks
  'sim', // the CA1 spine model
  'timeline', // voice timings -> scene and bookmark frames (pure)
  'captions', // caption cues and their file formats
  'voiceover', // synthesis / alignment, loudness, WAV; writes timings.json and narration.wav
  'story', // the narration timeline and story-time maps over the sim trace
  'components', // shared visual parts of the scenes
  'scenes', // one component per scene
  'compositions', // the cuts: metadata and components
  'player', // playback shared by the studio and the article-page player
  'render', // Chromium capture + ffmpeg encode
  'distributed', // chunked / queued rendering over render
  'embed', // the article-page player build
  'publish', // render:all, check:outputs, the publishing set
  'studio', // the editors' studio: may use any layer
];

/** Plumbing: modules any layer may import; they import nothing from src/. */
const PLUMBING = [
  'src/publish/atomicWrite.ts',
  'src/publish/runTool.ts',
  'src/publish/runCli.ts',
  'src/publish/outputTargets.ts',
  'src/publish/outputLayout.ts', // the file names of the publishing set in out/, read by embed and publish
];
/**
 * Entry points: a CLI that dispatches to several layers is a composition root,
 * not a library module, so it may import any layer. `npm run render` renders in
 * one process or hands the job to the queue (src/distributed), which renders
 * through src/render: the CLI sits above both. Nothing may import an entry point.
 */
const ENTRY_POINTS = ['src/render/cli.ts'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plumbingPath = `^(${PLUMBING.map(escape).join('|')})$`;
const entryPath = `^(${ENTRY_POINTS.map(escape).join('|')})$`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${i === 0 ? 'plumbing' : `${LAYERS.slice(0, i).join(', ')} and plumbing`}: ${LAYERS.slice(i + 1).join(', ')} come after it.`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: [plumbingPath, entryPath] },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|')})/`, pathNot: plumbingPath },
}));

module.exports = {
  LAYERS,
  PLUMBING,
  ENTRY_POINTS,
  forbidden: [
    ...layerRules,
    {
      name: 'plumbing-stands-alone',
      comment: 'Plumbing is imported by every layer, so it may import no layer (only Node built-ins and packages).',
      severity: 'error',
      from: { path: plumbingPath },
      to: { path: '^(src/|render\\.config\\.ts$)', pathNot: plumbingPath },
    },
    {
      name: 'entry-points-stand-on-top',
      comment: 'A CLI entry point may import any layer, so nothing may import it.',
      severity: 'error',
      from: {},
      to: { path: entryPath },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle between modules, inside a layer either.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
