/**
 * Which saved window bounds are safe to restore. A window saved on a monitor that has since been unplugged
 * would reopen off-screen, out of the user's reach: saved bounds are restored only when a usable part of the
 * window (its title bar area) lies on the work area of a display connected now.
 */
import type { Rectangle } from './settings';

export const WINDOW_MIN_SIZE = { width: 1024, height: 680 } as const;
export const WINDOW_DEFAULT_SIZE = { width: 1280, height: 800 } as const;

/** How much of the window must be on a display to count as reachable (enough to grab the title bar). */
export const MIN_VISIBLE = { width: 100, height: 50 } as const;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** The bounds to restore, or undefined to open centered at the default size. */
export function restorableBounds(
  saved: Rectangle | undefined,
  workAreas: readonly Rectangle[],
): Rectangle | undefined {
  if (saved === undefined) return undefined;
  const bounds: Rectangle = {
    x: saved.x,
    y: saved.y,
    width: Math.max(saved.width, WINDOW_MIN_SIZE.width),
    height: Math.max(saved.height, WINDOW_MIN_SIZE.height),
  };
  // The top strip of the window is where the user grabs it; it must be on some display.
  const titleBar: Rectangle = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE.height };
  const isReachable = workAreas.some((area) => {
    const visible = overlap(titleBar, area);
    return visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height;
  });
  return isReachable ? bounds : undefined;
}
