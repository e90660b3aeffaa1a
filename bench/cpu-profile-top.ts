/**
 * The functions that used the most CPU in V8 .cpuprofile files (self time), for reading the
 * profiles BENCH_CPU_PROF_DIR makes the pipeline benchmark write:
 *
 *   node dist/bench/cpu-profile-top.js /tmp/prof/*.cpuprofile [top=25]
 *   node dist/bench/cpu-profile-top.js --by-package /tmp/prof/*.cpuprofile
 *
 * --by-package sums self time per npm package (node_modules/<name>), per first-level folder of the
 * project's own code, or Node's built-ins (native frames count for their caller): two profiles of
 * one route compare at a glance.
 */
import { readFileSync } from 'node:fs';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
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

/** Where a script URL belongs: its npm package, the project's top folder, or 'node:' built-ins. */
export function packageOf(url: string): string {
  if (url === '') return '(V8 / native)';
  if (url.startsWith('node:')) return 'node: built-ins';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/');
  return dist >= 0
    ? `dist/${url
        .slice(dist + 6)
        .split('/')
        .slice(0, 2)
        .join('/')}`
    : url;
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/**
 * Self time per package (µs), largest first. A native frame (JSON.stringify, a regexp, a Buffer
 * copy: no script URL) counts for the nearest caller that has one, so the cost lands on the code
 * that asked for it.
 */
export function selfTimesByPackage(profile: CpuProfile): [string, number][] {
  const perNode = new Map<number, number>();
  profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const owner = (id: number): string => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (SPECIAL.has(f.functionName)) return f.functionName;
      if (f.url !== '') return packageOf(f.url);
    }
    return '(V8 / native)';
  };
  const perPackage = new Map<string, number>();
  for (const n of profile.nodes) {
    const us = perNode.get(n.id) ?? 0;
    if (us === 0) continue;
    const key = owner(n.id);
    perPackage.set(key, (perPackage.get(key) ?? 0) + us);
  }
  return [...perPackage].sort((a, b) => b[1] - a[1]);
}

function main(): void {
  const args = process.argv.slice(2);
  const byPackage = args[0] === '--by-package';
  if (byPackage) args.shift();
  const top = /^\d+$/.test(args[args.length - 1] ?? '') ? Number(args.pop()) : 25;
  if (args.length === 0) throw new Error('usage: cpu-profile-top FILE.cpuprofile ... [top]');
  for (const file of args) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const times = byPackage ? selfTimesByPackage(profile) : selfTimes(profile);
    const busy = times.filter(([k]) => k !== '(idle)').reduce((a, [, us]) => a + us, 0);
    console.log(`\n${file}: ${(busy / 1e6).toFixed(1)} s busy (idle excluded)`);
    for (const [name, us] of times.filter(([k]) => k !== '(idle)').slice(0, top)) {
      console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${name}`);
    }
  }
}

if (require.main === module) main();
