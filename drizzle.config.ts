import { defineConfig } from 'drizzle-kit';

// Only used by `npm run db:generate` to write SQL migrations into drizzle/; never at run time.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './drizzle',
});
