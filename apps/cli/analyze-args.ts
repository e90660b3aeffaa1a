/**
 * The analyze CLI's arguments, all from the technique registry: `--technique` takes the registered
 * ids, and every parameter a technique declares is a flag (numbers as numbers, choices checked,
 * files read from disk). Pure but for reading the files a flag names (injected).
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParameterSpec } from '../../libs/analysis/src/technique/parameters';
import type { TechniqueRegistryView } from '../../libs/analysis/src/technique/registry';
import { TECHNIQUE_REGISTRY, type AnalyzeParams } from '../../libs/analysis/src/techniques';

export class UsageError extends Error {}

const placeholder = (spec: ParameterSpec): string => (spec.kind === 'file' ? 'FILE' : spec.kind === 'choice' ? spec.values.join('|') : 'X');

/** One line: `usage: analyze FILE [--technique A|B] [--mass-g X] …`. */
export function usage(registry: TechniqueRegistryView = TECHNIQUE_REGISTRY): string {
  const flags = registry.parameters.map((p) => `[--${p.flag} ${placeholder(p.spec)}]`);
  return `usage: analyze FILE [--technique ${registry.ids.join('|')}] ${flags.join(' ')}`;
}

/** The flags with their meaning and unit, one per line, for `--help`. */
export function help(registry: TechniqueRegistryView = TECHNIQUE_REGISTRY): string {
  const rows = registry.parameters.map((p) => {
    const unit = p.spec.kind === 'number' && p.spec.unit ? ` (${p.spec.unit})` : '';
    const users = registry.list.filter((t) => p.key in t.parameters).map((t) => t.id);
    return `  --${p.flag} ${placeholder(p.spec)}  ${p.spec.label}${unit}; ${users.join(', ')}`;
  });
  const techniques = registry.list.map((t) => `  ${t.id}: ${t.label} — ${t.formats}`);
  return [
    usage(registry),
    '',
    'Techniques (detected from the content unless --technique says):',
    ...techniques,
    '',
    'Options (override the file header):',
    ...rows,
  ].join('\n');
}

/** FILE and the analyzeFile parameters from argv; a UsageError says what is wrong. */
export function parseCli(
  argv: string[],
  readFile: (path: string) => Uint8Array,
  registry: TechniqueRegistryView = TECHNIQUE_REGISTRY,
): { file: string; params: AnalyzeParams } | 'help' {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    technique: { type: 'string' },
    help: { type: 'boolean' },
    ...Object.fromEntries(registry.parameters.map((p) => [p.flag, { type: 'string' as const }])),
  };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage(registry)}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return 'help';
  if (parsed.positionals.length !== 1) throw new UsageError(usage(registry));
  const file = parsed.positionals[0];
  const params: Record<string, unknown> = { fileName: basename(file) };
  const technique = typeof values.technique === 'string' ? values.technique.toUpperCase() : undefined;
  if (technique !== undefined) {
    if (!registry.get(technique)) throw new UsageError(`--technique must be one of ${registry.ids.join(', ')}`);
    params.technique = technique;
  }
  for (const { key, spec, flag } of registry.parameters) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    if (spec.kind === 'number') {
      const v = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--${flag} must be a number, got "${raw}"`);
      params[key] = v;
    } else if (spec.kind === 'choice') {
      if (!spec.values.includes(raw)) throw new UsageError(`--${flag} must be ${spec.values.join(' or ')}`);
      params[key] = raw;
    } else {
      params[key] = readFile(raw);
    }
  }
  // Every value was converted and checked against its parameter's spec above.
  return { file, params: params };
}
