import { readFileSync } from 'node:fs';

/** Linux USER_HZ; /proc reports process and machine times in these ticks. */
const TICKS_PER_S = 100;

export interface CpuSnapshot {
  apiTicks: number | undefined;
  bench: NodeJS.CpuUsage;
  machineBusyTicks: number | undefined;
  machineTotalTicks: number | undefined;
  at: number;
}

/** Where the CPU went during a run, in % of one core (the API is one Node thread, so 100 % means saturated). */
export interface CpuShare {
  apiPctOfCore: number | undefined;
  benchPctOfCore: number;
  /** All cores, every process on the machine (other users included): 100 % means nothing was idle. */
  machineBusyPct: number | undefined;
}

function readOr<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

// /proc/<pid>/stat: fields after the parenthesized command; utime and stime are fields 14 and 15.
export const processTicks = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

// /proc/stat first line: cpu user nice system idle iowait irq softirq steal …
const machineTicks = () => {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3] - ticks[4], total };
};

export function cpuSnapshot(apiPid: number | undefined): CpuSnapshot {
  const machine = readOr(machineTicks);
  return {
    apiTicks: apiPid === undefined ? undefined : readOr(() => processTicks(apiPid)),
    bench: process.cpuUsage(),
    machineBusyTicks: machine?.busy,
    machineTotalTicks: machine?.total,
    at: performance.now(),
  };
}

export function cpuShare(from: CpuSnapshot, to: CpuSnapshot): CpuShare {
  const seconds = (to.at - from.at) / 1000;
  const benchUs = to.bench.user - from.bench.user + (to.bench.system - from.bench.system);
  const api = to.apiTicks !== undefined && from.apiTicks !== undefined ? (100 * (to.apiTicks - from.apiTicks)) / TICKS_PER_S / seconds : undefined;
  const machineTotal = to.machineTotalTicks !== undefined && from.machineTotalTicks !== undefined ? to.machineTotalTicks - from.machineTotalTicks : 0;
  const machine = machineTotal > 0 ? (100 * (to.machineBusyTicks! - from.machineBusyTicks!)) / machineTotal : undefined;
  return { apiPctOfCore: api, benchPctOfCore: benchUs / 1e4 / seconds, machineBusyPct: machine };
}
