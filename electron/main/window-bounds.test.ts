import { describe, expect, it } from 'vitest';
import { restorableBounds } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restorableBounds', () => {
  it.each([
    ['nothing saved', undefined, [laptop], undefined],
    [
      'on the laptop',
      { x: 100, y: 80, width: 1300, height: 850 },
      [laptop],
      { x: 100, y: 80, width: 1300, height: 850 },
    ],
    [
      'on the external monitor while it is connected',
      { x: 2200, y: 100, width: 1400, height: 900 },
      [laptop, rightMonitor],
      { x: 2200, y: 100, width: 1400, height: 900 },
    ],
    [
      'on an external monitor that is now unplugged',
      { x: 2200, y: 100, width: 1400, height: 900 },
      [laptop],
      undefined,
    ],
    // Title bar from x=1850 to 3150 at y=0: 70 px on the laptop, under the 100 px needed to grab it.
    ['almost entirely off the right edge', { x: 1850, y: 0, width: 1300, height: 800 }, [laptop], undefined],
    [
      'title bar above the top of every display',
      { x: 100, y: -900, width: 1300, height: 850 },
      [laptop],
      undefined,
    ],
    // A saved size under the minimum (hand-edited file) is raised to 1024×680.
    [
      'too small',
      { x: 10, y: 10, width: 300, height: 200 },
      [laptop],
      { x: 10, y: 10, width: 1024, height: 680 },
    ],
  ])('%s', (_label, saved, displays, expected) => {
    expect(restorableBounds(saved, displays)).toEqual(expected);
  });
});
