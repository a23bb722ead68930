import type { RenderProgress } from './renderVideo';

/**
 * A live one-line progress display on stderr: rewritten in place on a
 * terminal, one line every few seconds otherwise (CI logs).
 */
export function createProgressLine(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update(p: RenderProgress): void; finish(): void } {
  const tty = Boolean(stream.isTTY);
  let lastWrite = 0;
  let lastStage = '';
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      const stageChanged = p.stage !== lastStage;
      lastStage = p.stage;
      if (!stageChanged && now - lastWrite < (tty ? 200 : 5000) && p.framesDone !== p.totalFrames) return;
      lastWrite = now;
      const line = formatProgress(label, p);
      if (tty) {
        stream.write(`\r\x1b[2K${line}`);
        shown = true;
      } else stream.write(`${line}\n`);
    },
    finish() {
      if (tty && shown) stream.write('\n');
    },
  };
}

export function formatProgress(label: string, p: RenderProgress): string {
  const pct = p.totalFrames ? ((100 * p.framesDone) / p.totalFrames).toFixed(1) : '0.0';
  const speed = p.fps > 0 ? `${p.fps.toFixed(1)} fps` : '-- fps';
  const eta = p.etaSeconds === null ? 'ETA --' : `ETA ${formatSeconds(p.etaSeconds)}`;
  return `${label} ${p.stage.padEnd(7)} ${String(p.framesDone).padStart(5)}/${p.totalFrames} frames (${pct}%)  ${speed}  ${eta}`;
}

function formatSeconds(s: number): string {
  const total = Math.max(0, Math.round(s));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
