/**
 * @swc/jest, plus one line in front of each module binding the ECMAScript built-ins it uses to
 * module-local constants. Jest runs every module inside a vm context, where each read of a global
 * (Math, Float64Array, Object …) goes through the context's global-object interceptor instead of
 * V8's inline caches; numeric code that reads Math in its inner loops ran several times slower in
 * the unit tier than in plain Node. A local constant holds the same object, so behaviour is
 * unchanged.
 *
 * Only built-ins no test replaces are bound: timers, Date, performance, process and console stay
 * globals, because fake timers and spies swap those on the global object after modules load. A
 * name the module seems to declare itself is left alone, and a module whose bound version would not
 * compile (a declaration the pattern missed) is left as SWC wrote it.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const vm = require('node:vm');
const { createTransformer: createSwcTransformer } = require('@swc/jest');

const BUILT_INS = [
  'Array',
  'ArrayBuffer',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Boolean',
  'DataView',
  'Error',
  'Float32Array',
  'Float64Array',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'RangeError',
  'Reflect',
  'RegExp',
  'Set',
  'String',
  'Symbol',
  'TypeError',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'WeakMap',
  'WeakSet',
];

/** Changes to this file must not reuse modules cached by its previous version. */
const SELF = crypto.createHash('sha1').update(fs.readFileSync(__filename)).digest('hex');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The built-ins `code` reads and does not seem to declare (a variable, function, class or destructured binding). */
function boundNames(code) {
  return BUILT_INS.filter((name) => {
    if (!new RegExp(`(?<![.\\w$])${name}(?![\\w$])`).test(code)) return false;
    const declared = new RegExp(`(?:\\b(?:const|let|var|class|function\\s*\\*?)\\s*|[,{(\\[:]\\s*)${escape(name)}\\s*(?:[=,;:)}\\](]|\\s)`);
    return !declared.test(code);
  });
}

/** Whether `code` compiles as the body of Jest's module wrapper. */
function compiles(code) {
  try {
    vm.compileFunction(code, ['module', 'exports', 'require', '__dirname', '__filename', 'jest']);
    return true;
  } catch {
    return false;
  }
}

/** Puts the bindings after a leading "use strict" (so the directive still counts) and on its line (so source maps still match). */
function bindBuiltIns(code) {
  const names = boundNames(code);
  if (names.length === 0) return code;
  const line = `const { ${names.join(', ')} } = globalThis;`;
  const strict = /^(\s*(["'])use strict\2;?)/.exec(code);
  const bound = strict ? `${strict[1]} ${line}${code.slice(strict[1].length)}` : `${line}${code}`;
  return compiles(bound) ? bound : code;
}

function createTransformer(options) {
  const swc = createSwcTransformer(options);
  const wrap = (out) => (typeof out === 'string' ? bindBuiltIns(out) : { ...out, code: bindBuiltIns(out.code) });
  return {
    canInstrument: swc.canInstrument,
    process: (src, filename, jestOptions) => wrap(swc.process(src, filename, jestOptions)),
    getCacheKey: (...args) =>
      crypto
        .createHash('sha1')
        .update(swc.getCacheKey(...args))
        .update(SELF)
        .digest('hex'),
  };
}

module.exports = { createTransformer, bindBuiltIns };
