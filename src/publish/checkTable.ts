import type { CheckRow } from './outputChecks';

/** Formats check rows as a fixed-width text table (file, check, status, measured, detail). */
export function formatCheckTable(rows: readonly CheckRow[], maxDetailChars = 110): string {
  const head = ['file', 'check', 'status', 'measured', 'detail'];
  const body = rows.map((r) => [r.file, r.check, r.status.toUpperCase(), r.measured, clip(r.detail, maxDetailChars)]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Counts by status. */
export function summarizeChecks(rows: readonly CheckRow[]): { pass: number; fail: number; warn: number } {
  return {
    pass: rows.filter((r) => r.status === 'pass').length,
    fail: rows.filter((r) => r.status === 'fail').length,
    warn: rows.filter((r) => r.status === 'warn').length,
  };
}

function clip(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
