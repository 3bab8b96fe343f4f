import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/config';

describe('config', () => {
  it('defaults to port 4000 and the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 4000, SEED_ON_FIRST_START: true, JIT: true, EMBEDDED_SHARED_BUFFERS: '64MB' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ SEED_ON_FIRST_START: 'maybe' }, 'SEED_ON_FIRST_START'],
    [{ MAP_STYLE_URL: 'style.json' }, 'MAP_STYLE_URL'],
    [{ MAP_STYLE_DATUM: 'EPSG4326' }, 'MAP_STYLE_DATUM'],
    [{ EMBEDDED_SHARED_BUFFERS: "64MB'; drop" }, 'EMBEDDED_SHARED_BUFFERS'],
    [{ JIT: 'yes' }, 'JIT'],
  ])('refuses %j naming %s', (env, variable) => {
    let err: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues.map((i) => i.split(':')[0])).toEqual([variable]);
  });
});
