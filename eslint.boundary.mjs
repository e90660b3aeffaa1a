// The rule that keeps the architecture honest: libs/ is pure science, with no framework, database,
// queue or file-system imports (ARCHITECTURE.md, "libs/"). Its own file so libs/boundary.spec.ts can
// check it alone, without the type-aware rules of eslint.config.mjs (which need a whole program).
import tseslint from 'typescript-eslint';

const forbidden = [
  '@nestjs/*',
  '@prisma/*',
  'bullmq',
  'ioredis',
  'class-validator',
  'class-transformer',
  'pg',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
];

export const libsBoundary = {
  files: ['libs/**/*.ts'],
  ignores: ['libs/**/*.spec.ts'],
  languageOptions: { parser: tseslint.parser },
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: forbidden, message: 'libs/ must stay framework-free and do no I/O: take bytes and parameters, return results.' }] },
    ],
  },
};

export default [{ ignores: ['dist/**', 'node_modules/**'] }, libsBoundary];
