import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { Region } from './regions/region.entity';

/** Per-request context: a forked EntityManager (never the global one) and request-scoped loaders. */
export interface Context {
  em: EntityManager;
  config: Config;
  loaders: { region: DataLoader<string, Region | null> };
}

/** Builds the context of one request. */
export function createContext(em: EntityManager, config: Config): Context {
  const fork = em.fork();
  return {
    em: fork,
    config,
    loaders: {
      region: new DataLoader(async (codes: readonly string[]) => {
        const found = await fork.find(Region, { code: { $in: [...codes] } });
        const byCode = new Map(found.map((r) => [r.code.trim(), r]));
        return codes.map((c) => byCode.get(c.trim()) ?? null);
      }),
    },
  };
}
