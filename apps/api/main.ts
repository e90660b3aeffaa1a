import { Env } from '../../src/config/env';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const app = await createApiApp();
  const env = app.get(Env);
  await app.listen(env.PORT, '0.0.0.0');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
