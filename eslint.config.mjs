import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'drizzle/**', 'next-env.d.ts'] },
  {
    rules: {
      // Env is read in lib/env.ts only (see README, "Configuration").
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' }],
    },
  },
  { files: ['lib/env.ts', 'tests/**', 'scripts/**'], rules: { 'no-restricted-properties': 'off' } },
];
