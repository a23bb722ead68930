/**
 * npm run voiceover [-- options]
 *
 * Synthesises the narration script with the offline festival voice (or aligns a
 * human recording to it) and writes the word timings, the scene WAVs and the
 * normalised narration track. See --help.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeCaptionSidecars } from '../captions/sidecars';
import { OUTPUT_TARGETS } from '../publish/outputTargets';
import { runCli, type CliArgs } from '../publish/runCli';
import { parseScript } from '../script/script';
import { SCENE_IDS, type SceneId } from '../script/sceneIds';
import { writeVoiceOutputs, type OutputPaths } from './outputs';
import { measureLoudness } from './loudness';
import { DEFAULT_VOICE } from './settings';
import { synthesiseScript } from './synthetic';
import { checkTimingsFileFresh } from './staleness';

const HELP = `Usage: npm run voiceover -- [options]

Turns captions/narration.script.md into narration audio and word timings:
  captions/timings.json            word times (caption words), bookmark times, scene audio lengths
  public/voice/scenes/<scene>.wav  each scene's narration, ${OUTPUT_TARGETS.audioSampleRateHz / 1000} kHz, ${OUTPUT_TARGETS.narrationLoudness.integratedLufs} LUFS
  public/voice/narration.wav       the whole narration placed on the ${OUTPUT_TARGETS.fps} fps timeline,
                                   two-pass loudnorm to ${OUTPUT_TARGETS.narrationLoudness.integratedLufs} LUFS / ${OUTPUT_TARGETS.narrationLoudness.truePeakDbtp} dBTP, ${OUTPUT_TARGETS.audioSampleRateHz / 1000} kHz
  captions/narration.{vtt,srt,chapters.vtt,txt}  caption files of the narration (video time)
Unchanged scenes come from the cache (.cache/voice) and are not synthesised again.

Options:
  --recording <file.wav>  align a human recording to the script instead of synthesising
                          (whole script, or one scene with --scene); pocketsphinx, offline
  --scene <id>            with --recording: the recording holds only this scene
                          (${SCENE_IDS.join(', ')})
  --rate <factor>         festival HTS speaking rate (default ${DEFAULT_VOICE.rate}; lower = slower)
  --script <path>         script file (default captions/narration.script.md)
  --fps <n>               timeline frame rate for narration.wav (default ${OUTPUT_TARGETS.fps})
  --check                 only check that captions/timings.json matches the script (exit 1 if stale)
  --clean-cache           delete .cache/voice first
  -h, --help              this help
`;

const OPTIONS = {
  recording: { type: 'string' },
  scene: { type: 'string' },
  rate: { type: 'string' },
  script: { type: 'string', default: 'captions/narration.script.md' },
  fps: { type: 'string' },
  check: { type: 'boolean', default: false },
  'clean-cache': { type: 'boolean', default: false },
} as const;

interface CliOptions {
  recording?: string;
  scene?: SceneId;
  rate: number;
  script: string;
  fps: number;
  check: boolean;
  cleanCache: boolean;
}

function cliOptions({ values }: CliArgs<typeof OPTIONS>): CliOptions {
  const { scene, recording } = values;
  if (scene !== undefined && !(SCENE_IDS as readonly string[]).includes(scene))
    throw new Error(`--scene "${scene}" is not a scene; use one of ${SCENE_IDS.join(', ')}`);
  if (scene && !recording) throw new Error('--scene only applies with --recording <file.wav>');
  const rate = values.rate === undefined ? DEFAULT_VOICE.rate : Number(values.rate);
  if (!(rate >= 0.5 && rate <= 2)) throw new Error(`--rate must be a number from 0.5 to 2 (got ${values.rate})`);
  const fps = values.fps === undefined ? OUTPUT_TARGETS.fps : Number(values.fps);
  if (!(fps > 0 && Number.isInteger(fps))) throw new Error(`--fps must be a positive integer (got ${values.fps})`);
  return {
    recording,
    scene: scene as SceneId | undefined,
    rate,
    script: values.script,
    fps,
    check: values.check,
    cleanCache: values['clean-cache'],
  };
}

async function main(args: CliArgs<typeof OPTIONS>): Promise<number> {
  const opts = cliOptions(args);
  const root = process.cwd();
  const scriptPath = resolve(root, opts.script);
  const paths: OutputPaths = {
    timingsJson: join(root, 'captions/timings.json'),
    narrationWav: join(root, 'public/voice/narration.wav'),
    scenesDir: join(root, 'public/voice/scenes'),
  };
  if (opts.check) {
    const r = checkTimingsFileFresh(scriptPath, paths.timingsJson);
    (r.fresh ? process.stdout : process.stderr).write(`voiceover: ${r.message}\n`);
    return r.fresh ? 0 : 1;
  }
  if (!existsSync(scriptPath)) throw new Error(`script not found: ${opts.script}`);
  const script = parseScript(readFileSync(scriptPath, 'utf8'), opts.script);
  const cacheDir = join(root, '.cache/voice');
  if (opts.cleanCache) rmSync(cacheDir, { recursive: true, force: true });
  const started = Date.now();
  const log = (m: string): void => void process.stderr.write(`voiceover: ${m}\n`);

  let result;
  if (opts.recording) {
    const { alignRecording } = await import('./recording');
    result = alignRecording({
      script,
      recording: resolve(root, opts.recording),
      scene: opts.scene,
      voice: { ...DEFAULT_VOICE, rate: opts.rate },
      cacheDir,
      paths,
      fps: opts.fps,
      log,
    });
  } else {
    const voice = { ...DEFAULT_VOICE, rate: opts.rate };
    if (existsSync(paths.timingsJson)) {
      const previous = JSON.parse(readFileSync(paths.timingsJson, 'utf8')) as {
        voice?: { source?: string; voice?: string };
      };
      if (previous.voice?.source === 'recording')
        log(
          `replacing the recorded narration (${previous.voice.voice}) with the synthetic voice; rerun with --recording to keep it`,
        );
    }
    const scenes = synthesiseScript(script, voice, cacheDir, (p) =>
      log(`[${p.index + 1}/${p.total}] ${p.sceneId}: ${p.cached ? 'unchanged (cached)' : 'synthesising...'}`),
    );
    result = writeVoiceOutputs(
      script,
      scenes,
      { engine: voice.engine, voice: voice.voice, rate: voice.rate, source: 'synthetic' },
      paths,
      opts.fps,
      log,
    );
  }
  const { timeline, timings } = result;
  const loudness = await measureLoudness(paths.narrationWav);
  const titles = Object.fromEntries(script.scenes.map((s) => [s.id, s.title]));
  const sidecars = await writeCaptionSidecars(join(root, 'captions/narration.mp4'), timeline, titles);
  log(
    `captions: ${[sidecars.vtt, sidecars.srt, sidecars.chaptersVtt, sidecars.transcriptTxt].map((p) => relative(root, p)).join(', ')}`,
  );
  const fps = timeline.fps;
  for (const s of timeline.scenes) {
    const t = timings.scenes.find((x) => x.id === s.id)!;
    log(
      `  ${s.id.padEnd(18)} audio ${(t.audioDurationMs / 1000).toFixed(2)} s, scene ${(s.durationFrames / fps).toFixed(2)} s from ${(s.startFrame / fps).toFixed(2)} s`,
    );
  }
  const words = timings.scenes.reduce((n, s) => n + s.words.length, 0);
  log(
    `total ${(timeline.totalFrames / fps).toFixed(2)} s (${timeline.totalFrames} frames at ${fps} fps), ${words} words`,
  );
  log(
    `narration.wav: ${loudness.integratedLufs.toFixed(1)} LUFS integrated, ${loudness.truePeakDbtp.toFixed(1)} dBTP true peak`,
  );
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

void runCli({ name: 'voiceover', help: HELP, options: OPTIONS }, main);
