/**
 * node:fs/promises with injectable failures under the atomic writer: the disk fills up mid-write
 * (half the data written, then ENOSPC), fsync fails (EIO), rename fails (EXDEV). For vi.mock:
 *
 *   const faults = vi.hoisted(() => ({ next: 'none' as Fault }));
 *   vi.mock('node:fs/promises', async (importOriginal) =>
 *     (await import('../../support/faulty-fs')).faultyFs(await importOriginal(), faults));
 */
import type * as FsPromises from 'node:fs/promises';

export type Fault = 'none' | 'short-write' | 'sync' | 'rename';

export function faultyFs(real: typeof FsPromises, faults: { next: Fault }): typeof FsPromises {
  const failure = (code: string) => Object.assign(new Error(`${code}: injected failure`), { code });
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile' && faults.next === 'short-write') {
            return async (data: string | Uint8Array) => {
              const half = Math.floor(data.length / 2);
              if (typeof data === 'string') await target.write(data.slice(0, half));
              else await target.write(data.subarray(0, half));
              throw failure('ENOSPC');
            };
          }
          // The same for a file written piece by piece (a stream): half the first piece, then ENOSPC.
          if (property === 'write' && faults.next === 'short-write' && args[1] === 'wx') {
            return async (data: Uint8Array) => {
              await target.write(data.subarray(0, Math.floor(data.length / 2)));
              throw failure('ENOSPC');
            };
          }
          if (property === 'sync' && faults.next === 'sync' && args[1] === 'wx') {
            return async () => {
              throw failure('EIO');
            };
          }
          const value = Reflect.get(target, property, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
    rename: async (...args: Parameters<typeof real.rename>) => {
      if (faults.next === 'rename') throw failure('EXDEV');
      return real.rename(...args);
    },
  };
}
