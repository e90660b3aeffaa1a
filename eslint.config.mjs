// Type-aware lint on everything we write (src, apps, libs, test, bench, scripts), plus the rule that
// keeps libs/ pure (eslint.boundary.mjs). Formatting is Prettier's job, so
// eslint-config-prettier switches off every stylistic rule that would fight it.
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { libsBoundary } from './eslint.boundary.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'src/infra/database/generated/**',
      'apps/web/src/api/schema.gen.ts',
      'apps/web/dist/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    files: ['{src,apps,libs,test,bench,scripts}/**/*.{ts,tsx,mts}', 'prisma.config.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not (Nest hooks, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Nest, Fastify and BullMQ accept async callbacks where their types say void (route hooks,
      // event handlers, onModuleDestroy); only the checks of conditionals and spreads stay on.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // Numbers and booleans in template strings read well in messages; objects still must not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // Nest's interfaces (OnModuleDestroy, CanActivate, ...) are often implemented as async
      // without an await so every implementation reads the same; this rule only flags that style.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests and benchmarks read JSON bodies from HTTP responses and child processes, whose type is
    // `any` by design (supertest's `body`, `JSON.parse`); asserting their shape is the test itself.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // expect(obj.method).toHaveBeenCalled() is Jest's idiom, not a lost `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The two classic hook rules; the plugin's React Compiler rules are left off (the app does not use the compiler).
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  libsBoundary,
  prettier,
);
