/**
 * Splits a cue's words into at most `maxLines` lines of at most `maxChars`
 * characters: one line when it fits, otherwise the two-line break that keeps the
 * lines most even, preferring a break after punctuation (BBC guidelines: break at
 * natural linguistic points). Returns null when the words cannot fit.
 */
export function breakLines(words: readonly string[], maxChars: number, maxLines = 2): string[] | null {
  const one = words.join(' ');
  if (one.length <= maxChars) return [one];
  if (maxLines < 2) return null;
  let best: { lines: string[]; cost: number } | null = null;
  for (let k = 1; k < words.length; k++) {
    const a = words.slice(0, k).join(' ');
    const b = words.slice(k).join(' ');
    if (a.length > maxChars || b.length > maxChars) continue;
    let cost = Math.abs(a.length - b.length);
    if (/[,;:.!?]$/.test(words[k - 1]!)) cost -= 12;
    // Don't end a line on a short function word ("a", "the", "to").
    if (/^(a|an|the|to|of|by|and|at|in|on)$/i.test(words[k - 1]!)) cost += 10;
    if (!best || cost < best.cost) best = { lines: [a, b], cost };
  }
  return best?.lines ?? null;
}
