// Lint for the one rule that keeps the architecture honest: libs/ is pure science, with no
// framework, database, queue or file-system imports (STYLE.md, "The pure library").
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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/infra/database/generated/**'] },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/**/*.spec.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: forbidden, message: 'libs/ must stay framework-free and do no I/O: take bytes and parameters, return results.' }] },
      ],
    },
  },
);
