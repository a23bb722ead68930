/** "m:ss" for a frame at `fps` (what a reader sees next to the scrub bar). */
export function frameToClock(frame: number, fps: number): string {
  const totalS = Math.max(0, Math.floor(frame / fps));
  return `${Math.floor(totalS / 60)}:${String(totalS % 60).padStart(2, '0')}`;
}

/** Spoken form for screen readers, e.g. "12 seconds of 58", "1 minute 5 seconds of 1 minute 10". */
export function frameToSpokenTime(frame: number, fps: number): string {
  const s = Math.max(0, Math.floor(frame / fps));
  const m = Math.floor(s / 60);
  const r = s % 60;
  const sec = `${r} second${r === 1 ? '' : 's'}`;
  return m > 0 ? `${m} minute${m === 1 ? '' : 's'} ${sec}` : sec;
}
