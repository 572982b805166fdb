/**
 * zod, loaded on first use. zod costs about 60 ms and 14 MB to load; the server needs it only to
 * read optional configuration files (credentials, quota file), so its start-up path must not
 * import it. Modules that build schemas call {@link zod} inside a memoised function and import
 * zod's types with `import type`.
 *
 * @module
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

let loaded: typeof Zod | undefined;

/** The zod module (its CommonJS build, loaded synchronously the first time). */
export function zod(): typeof Zod {
  loaded ??= createRequire(import.meta.url)('zod') as typeof Zod;
  return loaded;
}

/** Memoises a schema factory: `const schema = lazySchema(() => zod().z.object({...}))`. */
export function lazySchema<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
