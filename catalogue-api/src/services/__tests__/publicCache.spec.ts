import { PublicCache } from '../publicCache';

describe('PublicCache', () => {
  const counting = () => {
    let loads = 0;
    return { load: async () => ++loads, loads: () => loads };
  };

  it('reuses an answer until its time is up, then loads again', async () => {
    const cache = new PublicCache<number>(1000);
    const source = counting();
    expect(await cache.get('k', source.load, 0)).toBe(1);
    expect(await cache.get('k', source.load, 999)).toBe(1);
    expect(await cache.get('k', source.load, 1000)).toBe(2);
    expect(source.loads()).toBe(2);
  });

  it('forgets a key at once (this instance published or withdrew it)', async () => {
    const cache = new PublicCache<number>(60_000);
    const source = counting();
    await cache.get('k', source.load, 0);
    cache.forget('k');
    expect(await cache.get('k', source.load, 1)).toBe(2);
  });

  it('keeps nothing with a zero lifetime, and never caches a failed load', async () => {
    const off = new PublicCache<number>(0);
    const source = counting();
    await off.get('k', source.load, 0);
    await off.get('k', source.load, 0);
    expect(source.loads()).toBe(2);
    const cache = new PublicCache<number>(1000);
    await expect(cache.get('k', () => Promise.reject(new Error('404')), 0)).rejects.toThrow('404');
    expect(await cache.get('k', source.load, 1)).toBe(3);
  });

  it('stays bounded', async () => {
    const cache = new PublicCache<number>(60_000, 2);
    const source = counting();
    await cache.get('a', source.load, 0);
    await cache.get('b', source.load, 0);
    await cache.get('c', source.load, 0); // full: starts over
    await cache.get('a', source.load, 1);
    expect(source.loads()).toBe(4);
  });
});
