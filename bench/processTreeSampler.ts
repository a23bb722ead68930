import { readdirSync, readFileSync } from 'node:fs';

/** CPU and memory of a process tree, sampled from /proc (Linux). */
export interface TreeSample {
  /** Sum of VmRSS over the tree, bytes (counts shared pages once per process: an upper bound). */
  rssBytes: number;
  processes: number;
}

export interface TreeReport {
  peakRssBytes: number;
  /** Peak proportional set size (shared pages split between sharers), bytes; from smaps_rollup. */
  peakPssBytes: number;
  /** PSS by process kind in the sample with the peak PSS, bytes: where the memory is. */
  pssBytesByKindAtPeak: Record<string, number>;
  /** RSS and process count by kind in the sample with the peak RSS (RSS counts shared pages in each process). */
  rssBytesByKindAtPeak: Record<string, { bytes: number; processes: number }>;
  peakProcesses: number;
  /** CPU seconds (user + system) by process kind, over the sampled period. */
  cpuSecondsByKind: Record<string, number>;
}

const CLK_TCK = 100; // Linux USER_HZ
const PAGE = 4096;

interface ProcInfo {
  ppid: number;
  cpuTicks: number;
  rssPages: number;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid = field 4, utime 14, stime 15, rss 24
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssPages: Number(fields[21]) };
  } catch {
    return null;
  }
}

/** A short label for what a process is: chromium-renderer, chromium-gpu, chromium-browser, ffmpeg, node, ... */
export function processKind(pid: number): string {
  let cmd: string;
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return 'gone';
  }
  if (/chromium/.test(cmd)) {
    const type = /--type=([\w-]+)/.exec(cmd)?.[1];
    return type ? `chromium-${type.replace('-process', '')}` : 'chromium-browser';
  }
  if (/(^|\/)ffmpeg /.test(cmd)) return 'ffmpeg';
  if (/(^|\/)node /.test(cmd) || /tsx/.test(cmd)) return 'node';
  return cmd.split(' ')[0]?.split('/').pop() || 'other';
}

/**
 * Samples the tree under `rootPid` every `intervalMs` until stopped: peak RSS
 * and PSS, and CPU time per process kind (the last value seen for each pid).
 */
export function startTreeSampler(rootPid = process.pid, intervalMs = 250): { stop(): TreeReport } {
  const lastTicks = new Map<number, { kind: string; start: number; last: number }>();
  let peakRss = 0;
  let peakPss = 0;
  let peakProcs = 0;
  let pssByKindAtPeak: Record<string, number> = {};
  let rssByKindAtPeak: Record<string, { bytes: number; processes: number }> = {};
  let n = 0;
  const sample = () => {
    n++;
    // Walk the tree through /proc/<pid>/task/<tid>/children: cheap, unlike scanning all of /proc.
    const procs = new Map<number, ProcInfo>();
    const tree = new Set<number>();
    const stack = [rootPid];
    while (stack.length) {
      const pid = stack.pop() as number;
      if (tree.has(pid)) continue;
      const info = readProc(pid);
      if (!info) continue;
      tree.add(pid);
      procs.set(pid, info);
      stack.push(...childrenOf(pid));
    }
    let rss = 0;
    let pss = 0;
    const pssByKind: Record<string, number> = {};
    const rssByKind: Record<string, { bytes: number; processes: number }> = {};
    const wantPss = n % 8 === 1; // smaps_rollup walks page tables: costly, so every 2 s
    for (const pid of tree) {
      const info = procs.get(pid);
      if (!info) continue;
      rss += info.rssPages * PAGE;
      const seen = lastTicks.get(pid);
      const kind = seen?.kind ?? processKind(pid);
      const rssKind = (rssByKind[kind] ??= { bytes: 0, processes: 0 });
      rssKind.bytes += info.rssPages * PAGE;
      rssKind.processes += 1;
      if (wantPss) {
        const bytes = readPssBytes(pid);
        pss += bytes;
        pssByKind[kind] = (pssByKind[kind] ?? 0) + bytes;
      }
      if (seen) {
        seen.last = info.cpuTicks;
        // a forked Chromium child shows its parent's command line until it renames itself
        if (seen.kind === 'chromium-browser' || seen.kind === 'chromium-zygote') {
          const now = processKind(pid);
          if (now.startsWith('chromium-')) seen.kind = now;
        }
      }
      // Processes already running at the first sample count from there; later ones from their start.
      else lastTicks.set(pid, { kind, start: n === 1 ? info.cpuTicks : 0, last: info.cpuTicks });
    }
    if (rss > peakRss) {
      peakRss = rss;
      rssByKindAtPeak = rssByKind;
    }
    if (wantPss && pss > peakPss) {
      peakPss = pss;
      pssByKindAtPeak = pssByKind;
    }
    peakProcs = Math.max(peakProcs, tree.size);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const cpu: Record<string, number> = {};
      for (const { kind, start, last } of lastTicks.values()) cpu[kind] = (cpu[kind] ?? 0) + (last - start) / CLK_TCK;
      return {
        peakRssBytes: peakRss,
        peakPssBytes: peakPss,
        pssBytesByKindAtPeak: pssByKindAtPeak,
        rssBytesByKindAtPeak: rssByKindAtPeak,
        peakProcesses: peakProcs,
        cpuSecondsByKind: cpu,
      };
    },
  };
}

function readPssBytes(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(' ')) out.push(Number(c));
    }
  } catch {
    // exited
  }
  return out;
}
