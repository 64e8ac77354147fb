import { PublicCache } from '../services/publicCache';

describe('the public micro-cache', () => {
  it('keeps an answer for its lifetime, and not at all with a lifetime of 0', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const kept = new PublicCache<number>(1000);
    expect(await kept.get('a', load, 0)).toBe(1);
    expect(await kept.get('a', load, 999)).toBe(1);
    expect(await kept.get('a', load, 1000)).toBe(2);
    const off = new PublicCache<number>(0);
    expect([await off.get('a', load), await off.get('a', load)]).toEqual([3, 4]);
  });

  it('lets a burst of the same question share one load, even when nothing is kept', async () => {
    let loads = 0;
    let finish: (n: number) => void = () => undefined;
    const slow = () => new Promise<number>((done) => ((finish = done), loads++));
    const shared = new PublicCache<number>(0, 10, true);
    const burst = Array.from({ length: 20 }, () => shared.get('city', slow));
    finish(7);
    expect(await Promise.all(burst)).toEqual(Array(20).fill(7));
    expect(loads).toBe(1);
    // Once answered, the next question loads afresh (nothing is kept at 0).
    const next = shared.get('city', slow);
    finish(8);
    expect(await next).toBe(8);
    expect(loads).toBe(2);
  });

  it('forgets a load under way: a question after a publish is answered afresh', async () => {
    let finish: (n: number) => void = () => undefined;
    const slow = () => new Promise<number>((done) => (finish = done));
    const shared = new PublicCache<number>(0, 10, true);
    const before = shared.get('city', slow);
    const resolveBefore = finish;
    shared.forgetPrefix('');
    const after = shared.get('city', slow);
    expect(finish).not.toBe(resolveBefore);
    resolveBefore(1);
    finish(2);
    expect([await before, await after]).toEqual([1, 2]);
  });

  it('does not share loads unless asked to', async () => {
    let loads = 0;
    const plain = new PublicCache<number>(0);
    await Promise.all([plain.get('a', async () => ++loads), plain.get('a', async () => ++loads)]);
    expect(loads).toBe(2);
  });
});
