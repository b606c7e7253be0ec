import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

describe('configuration', () => {
  it('defaults to SQLite in ./data, port 3000 on loopback, with the demo', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.demo).toBe(true);
    expect(config.database.dialect).toBe('sqlite');
    expect(config.database.dialect === 'sqlite' && config.database.path.endsWith('data/tandem.db')).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads PostgreSQL URLs and SQLite paths', () => {
    expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/tandem')).toEqual({
      dialect: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/tandem',
    });
    expect(parseDatabaseUrl('sqlite:/var/lib/tandem.db')).toEqual({ dialect: 'sqlite', path: '/var/lib/tandem.db' });
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TANDEM_DEMO: 'maybe', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL must start with sqlite: or postgres:\/\//);
    }
  });

  it('turns the demo off with TANDEM_DEMO=0', () => {
    expect(loadConfig({ TANDEM_DEMO: '0' }).demo).toBe(false);
  });
});
