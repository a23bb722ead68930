import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../publish/atomicWrite';
import { parseScript, ScriptError } from '../../script/script';
import type { NarrationIssue, NarrationState } from '../shared/api';
import { sceneSections } from '../shared/scriptEdit';

/** Where the script lives, relative to the project. */
export const SCRIPT_FILE = 'captions/narration.script.md';
/** The script being voiced, before it is known to be valid (hidden, beside the script). */
const PENDING_FILE = 'captions/.narration.script.studio-pending.md';

export type SaveOutcome =
  { ok: true; state: NarrationState; log: string[] } | { ok: false; message: string; issues: NarrationIssue[] };

/**
 * The narration as the studio edits it: validates a new script with the same
 * parser as `npm run voiceover`, then runs that very CLI on it (changed scenes
 * only: the voice cache is keyed by each scene's spoken text), and only when it
 * succeeds renames the script into place. Voice, timings and caption files are
 * each written atomically by the CLI; the script is written last, so a failed
 * run leaves every file as it was. Keeps an undo/redo history for as long as
 * the studio runs. One save at a time.
 */
export class NarrationService {
  private history: string[] = [];
  private index = -1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly projectDir: string,
    private readonly repoRoot: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  private get scriptPath(): string {
    return join(this.projectDir, SCRIPT_FILE);
  }

  state(): NarrationState {
    const text = readFileSync(this.scriptPath, 'utf8');
    if (this.history.length === 0) {
      this.history = [text];
      this.index = 0;
    }
    return { text, canUndo: this.index > 0, canRedo: this.index < this.history.length - 1 };
  }

  /** Validates, voices and saves `text`; on success it becomes the newest history entry. */
  save(text: string): Promise<SaveOutcome> {
    return this.serial(async () => {
      this.state();
      const outcome = await this.apply(text);
      if (outcome.ok) {
        this.history = [...this.history.slice(0, this.index + 1), text];
        this.index = this.history.length - 1;
        outcome.state = this.state();
      }
      return outcome;
    });
  }

  /** Goes back (-1) or forward (+1) in the history, voicing and saving that script. */
  step(direction: -1 | 1): Promise<SaveOutcome> {
    return this.serial(async () => {
      this.state();
      const target = this.index + direction;
      const text = this.history[target];
      if (text === undefined)
        return { ok: false, message: `nothing to ${direction < 0 ? 'undo' : 'redo'}`, issues: [] } as SaveOutcome;
      const outcome = await this.apply(text);
      if (outcome.ok) {
        this.index = target;
        outcome.state = this.state();
      }
      return outcome;
    });
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => {});
    return next;
  }

  private async apply(text: string): Promise<SaveOutcome> {
    try {
      parseScript(text, SCRIPT_FILE);
    } catch (e) {
      if (e instanceof ScriptError)
        return { ok: false, message: e.message, issues: e.issues.map((i) => ({ line: i.line, message: i.message })) };
      throw e;
    }
    const pending = join(this.projectDir, PENDING_FILE);
    writeFileAtomic(pending, text);
    try {
      const run = await this.runVoiceover(PENDING_FILE);
      if (run.code !== 0) {
        const message = run.errorLines.join('\n') || `npm run voiceover failed (exit ${run.code})`;
        return { ok: false, message, issues: [{ line: overrunLine(text, message), message }] };
      }
      renameSync(pending, this.scriptPath);
      return { ok: true, state: { text, canUndo: false, canRedo: false }, log: run.lines };
    } finally {
      if (existsSync(pending)) rmSync(pending, { force: true });
    }
  }

  /** `npm run voiceover -- --script <file>` in the project directory (the same CLI, same cache, same outputs). */
  private runVoiceover(scriptFile: string): Promise<{ code: number; lines: string[]; errorLines: string[] }> {
    const tsx = join(this.repoRoot, 'node_modules', '.bin', 'tsx');
    const cli = join(this.repoRoot, 'src', 'voiceover', 'cli.ts');
    return new Promise((resolveRun, reject) => {
      const child = spawn(tsx, [cli, '--script', scriptFile], {
        cwd: this.projectDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      const onData = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line.trim() === '') continue;
          lines.push(line);
          this.log(line);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', reject);
      child.on('close', (code) => {
        // The CLI's own message, as a terminal would show it (without its "voiceover: " prefix).
        const last = lines.findLastIndex((l) => l.startsWith('voiceover: '));
        const errorLines = code === 0 || last < 0 ? [] : lines.slice(last).map((l) => l.replace(/^voiceover:\s*/, ''));
        resolveRun({ code: code ?? 1, lines, errorLines });
      });
    });
  }
}

/** The line an overrun belongs to: the heading of the longest scene the CLI names, else line 1. */
function overrunLine(text: string, message: string): number {
  const m = /Longest scenes: ([a-z0-9-]+)/.exec(message);
  const section = m ? sceneSections(text).find((s) => s.id === m[1]) : undefined;
  return section?.headingLine ?? 1;
}
