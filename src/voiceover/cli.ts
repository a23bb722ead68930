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
import { parseScript, ScriptError } from '../script/script';
import { SCENE_IDS, type SceneId } from '../script/sceneIds';
import { TimelineOverrunError } from '../timeline/buildTimeline';
import { writeVoiceOutputs, type OutputPaths } from './outputs';
import { DEFAULT_VOICE, LOUDNESS_TARGET } from './settings';
import { synthesiseScript } from './synthetic';
import { checkTimingsFileFresh } from './staleness';

const HELP = `Usage: npm run voiceover -- [options]

Turns captions/narration.script.md into narration audio and word timings:
  captions/timings.json            word times (caption words), bookmark times, scene audio lengths
  public/voice/scenes/<scene>.wav  each scene's narration, 48 kHz, -16 LUFS
  public/voice/narration.wav       the whole narration placed on the 30 fps timeline,
                                   two-pass loudnorm to ${LOUDNESS_TARGET.integratedLufs} LUFS / ${LOUDNESS_TARGET.truePeakDbtp} dBTP, 48 kHz
  captions/narration.{vtt,srt,chapters.vtt,txt}  caption files of the narration (video time)
Unchanged scenes come from the cache (.cache/voice) and are not synthesised again.

Options:
  --recording <file.wav>  align a human recording to the script instead of synthesising
                          (whole script, or one scene with --scene); pocketsphinx, offline
  --scene <id>            with --recording: the recording holds only this scene
                          (${SCENE_IDS.join(', ')})
  --rate <factor>         festival HTS speaking rate (default ${DEFAULT_VOICE.rate}; lower = slower)
  --script <path>         script file (default captions/narration.script.md)
  --fps <n>               timeline frame rate for narration.wav (default 30)
  --check                 only check that captions/timings.json matches the script (exit 1 if stale)
  --clean-cache           delete .cache/voice first
  -h, --help              this help
`;

interface CliOptions {
  recording?: string;
  scene?: SceneId;
  rate: number;
  script: string;
  fps: number;
  check: boolean;
  cleanCache: boolean;
}

function fail(message: string): never {
  process.stderr.write(`voiceover: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    rate: DEFAULT_VOICE.rate,
    script: 'captions/narration.script.md',
    fps: 30,
    check: false,
    cleanCache: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${a} needs a value; see --help`);
      return v;
    };
    switch (a) {
      case '-h':
      case '--help':
        process.stdout.write(HELP);
        process.exit(0);
      case '--recording':
        o.recording = value();
        break;
      case '--scene': {
        const v = value();
        if (!(SCENE_IDS as readonly string[]).includes(v))
          fail(`--scene "${v}" is not a scene; use one of ${SCENE_IDS.join(', ')}`);
        o.scene = v as SceneId;
        break;
      }
      case '--rate': {
        const v = Number(value());
        if (!(v >= 0.5 && v <= 2)) fail(`--rate must be a number from 0.5 to 2 (got ${argv[i]})`);
        o.rate = v;
        break;
      }
      case '--script':
        o.script = value();
        break;
      case '--fps': {
        const v = Number(value());
        if (!(v > 0 && Number.isInteger(v))) fail(`--fps must be a positive integer (got ${argv[i]})`);
        o.fps = v;
        break;
      }
      case '--check':
        o.check = true;
        break;
      case '--clean-cache':
        o.cleanCache = true;
        break;
      default:
        fail(`unknown option "${a}"; see --help`);
    }
  }
  if (o.scene && !o.recording) fail('--scene only applies with --recording <file.wav>');
  return o;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
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
    process.exit(r.fresh ? 0 : 1);
  }
  if (!existsSync(scriptPath)) fail(`script not found: ${opts.script}`);
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
  const { timeline, loudness, timings } = result;
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
}

main().catch((e: unknown) => {
  if (e instanceof ScriptError || e instanceof TimelineOverrunError) fail(e.message);
  fail(e instanceof Error ? (e.stack ?? e.message) : String(e));
});
