/**
 * The functions that used the most CPU in V8 .cpuprofile files (self time), for reading the
 * profiles BENCH_CPU_PROF_DIR makes the pipeline benchmark write:
 *
 *   node dist/bench/cpu-profile-top.js /tmp/prof/*.cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (µs), largest first. */
export function selfTimes(profile: CpuProfile): [string, number][] {
  const perNode = new Map<number, number>();
  profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const perFunction = new Map<string, number>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    const where = url ? `${url.split('/').slice(-3).join('/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    perFunction.set(key, (perFunction.get(key) ?? 0) + (perNode.get(n.id) ?? 0));
  }
  return [...perFunction].sort((a, b) => b[1] - a[1]);
}

function main(): void {
  const args = process.argv.slice(2);
  const top = /^\d+$/.test(args[args.length - 1] ?? '') ? Number(args.pop()) : 25;
  if (args.length === 0) throw new Error('usage: cpu-profile-top FILE.cpuprofile ... [top]');
  for (const file of args) {
    const times = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    const busy = times.filter(([k]) => k !== '(idle)').reduce((a, [, us]) => a + us, 0);
    console.log(`\n${file}: ${(busy / 1e6).toFixed(1)} s busy (idle excluded)`);
    for (const [name, us] of times.filter(([k]) => k !== '(idle)').slice(0, top)) {
      console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${name}`);
    }
  }
}

if (require.main === module) main();
