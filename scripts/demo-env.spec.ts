import { demoDatabaseUrl, demoEnv, demoQueuePrefix, DEMO_QUEUE_PREFIX } from './demo-env';

describe('the demo runs on its own database only', () => {
  it('uses vitrack_demo on the local server, never DATABASE_URL', () => {
    const env = demoEnv({ DATABASE_URL: 'postgresql://postgres@db.lab:5432/vitrack' });
    expect(env.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/vitrack_demo');
    expect(env.QUEUE_PREFIX).toBe(DEMO_QUEUE_PREFIX);
    expect(env.NODE_ENV).toBe('development');
  });

  it('accepts another server for a vitrack_demo database', () => {
    expect(demoDatabaseUrl({ DEMO_DATABASE_URL: 'postgresql://u@h:5433/vitrack_demo_2' })).toBe('postgresql://u@h:5433/vitrack_demo_2');
  });

  it('keeps the queues of a demo on another database apart: the prefix follows the name', () => {
    expect(demoEnv({ DEMO_DATABASE_URL: 'postgresql://u@h:5433/vitrack_demo_2' }).QUEUE_PREFIX).toBe('vitrack-demo-2');
    expect(demoQueuePrefix('postgresql://postgres@127.0.0.1:5432/vitrack_demo')).toBe(DEMO_QUEUE_PREFIX);
  });

  it.each(['vitrack', 'vitrack_prod', 'postgres', 'demo', 'vitrack_demo"; DROP'])('refuses the database %j', (name) => {
    expect(() => demoDatabaseUrl({ DEMO_DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${encodeURIComponent(name)}` })).toThrow(
      /must be named vitrack_demo/,
    );
  });

  it('signs its tokens with a fresh secret each run, not the public development one', () => {
    const a = demoEnv({}).JWT_SECRET;
    expect(a).toHaveLength(43);
    expect(demoEnv({}).JWT_SECRET).not.toBe(a);
  });
});
