import type { Compilable, CompiledQuery, RawBuilder } from 'kysely';
import type { Executor } from './database';
import { CUSTOM_PLAN, type RunStatement } from './prepared-statements';

/** A query builder, or a sql`…` template (which needs the executor to compile). */
type Buildable<R> = Compilable<R> | RawBuilder<R>;

const compile = <R>(b: Buildable<R>, db: Executor): CompiledQuery<R> => ('isRawBuilder' in b ? b.compile(db) : b.compile());

/** Stands for the i-th argument while a statement is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * Executors whose statements may run straight on the pool (Database registers its root Kysely
 * instance; a transaction is another instance, so it keeps Kysely's executor and its connection).
 * The instance has no plugins, so Kysely's executor would return the driver's rows unchanged.
 */
const direct = new WeakMap<Executor, RunStatement>();

export function runStatementsDirectly(db: Executor, run: RunStatement): void {
  direct.set(db, run);
}

/**
 * A statement built with Kysely once, then run many times with new arguments: the builder's
 * immutable tree and the SQL text are made on the first call only. On the hot routes building
 * and compiling cost more API CPU than running the statement (bench/api-throughput.ts: the
 * history route's three statements, the sample list). `build` receives stand-ins for its
 * arguments and must only place them as values (where, set, values, limit, sql`${…}`), never
 * branch on them or read them: what it returns is compiled once and reused for every call.
 * The statement text is fixed, so it is also one named prepared statement (see
 * prepared-statements.ts), unless `customPlan` asks for a plan made for each call's arguments
 * (CUSTOM_PLAN: for a statement whose generic plan is bad for some arguments). `build` takes no
 * default or rest parameters (its arity counts them).
 */
export function compileOnce<A extends unknown[], R>(
  build: (db: Executor, ...args: A) => Buildable<R>,
  options: { customPlan?: boolean } = {},
): (db: Executor, ...args: A) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  return async (db, ...args) => {
    if (!compiled) {
      const query = compile(build(db, ...(Array.from({ length: build.length - 1 }, (_, i) => new Slot(i)) as A)), db);
      compiled = options.customPlan ? { ...query, sql: CUSTOM_PLAN + query.sql } : query;
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    const run = direct.get(db);
    if (run) return (await run(compiled.sql, parameters)) as R[];
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}

/**
 * compileOnce for statements whose shape varies by a few flags (a list's optional filters): one
 * compiled statement per shape, planned for each call's arguments where `customPlan(shape)`.
 */
export function compileOncePerShape<A extends unknown[], R>(
  build: (shape: string) => (db: Executor, ...args: A) => Buildable<R>,
  customPlan: (shape: string) => boolean = () => false,
): (shape: string, db: Executor, ...args: A) => Promise<R[]> {
  const byShape = new Map<string, (db: Executor, ...args: A) => Promise<R[]>>();
  return (shape, db, ...args) => {
    let run = byShape.get(shape);
    if (!run) byShape.set(shape, (run = compileOnce(build(shape), { customPlan: customPlan(shape) })));
    return run(db, ...args);
  };
}
