import { lazyRetrying } from '../../lib/runtime/lazy-retrying';

describe('lazyRetrying', () => {
  test('builds on first use and keeps the value: one build for many uses', async () => {
    let builds = 0;
    const get = lazyRetrying(async () => ++builds);
    expect(builds).toBe(0);
    expect(await Promise.all([get(), get(), get()])).toEqual([1, 1, 1]);
    expect(await get()).toBe(1);
  });

  test('a failed build is forgotten: the use that met it rejects, the next use builds again', async () => {
    let builds = 0;
    const get = lazyRetrying(async () => {
      builds++;
      if (builds === 1) throw new Error('policy not there yet');
      return 'runtime';
    });
    await expect(get()).rejects.toThrow('policy not there yet');
    await expect(get()).resolves.toBe('runtime');
    await expect(get()).resolves.toBe('runtime');
    expect(builds).toBe(2);
  });
});
