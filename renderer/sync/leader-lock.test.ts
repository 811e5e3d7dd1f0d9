import { describe, expect, it } from 'vitest';
import { createLocalLeaderLock } from './leader-lock';

describe('createLocalLeaderLock', () => {
  it('lets one holder lead at a time; the follower takes over when the leader releases', async () => {
    const lock = createLocalLeaderLock();
    const events: string[] = [];
    let release = (): void => undefined;
    const first = lock.request('ws', new AbortController().signal, async () => {
      events.push('a leads');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('a stops');
    });
    const second = lock.request('ws', new AbortController().signal, () => {
      events.push('b leads');
      return Promise.resolve();
    });
    await Promise.resolve();
    expect(events).toEqual(['a leads']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['a leads', 'a stops', 'b leads']);
  });

  it('a follower that stops before its turn never leads', async () => {
    const lock = createLocalLeaderLock();
    let release = (): void => undefined;
    const first = lock.request(
      'ws',
      new AbortController().signal,
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    const controller = new AbortController();
    let led = false;
    const second = lock.request('ws', controller.signal, () => {
      led = true;
      return Promise.resolve();
    });
    controller.abort();
    // Let the first holder start leading (its turn comes after a microtask), then release it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await Promise.all([first, second]);
    expect(led).toBe(false);
  });
});
