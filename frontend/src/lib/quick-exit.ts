/** Where quick exit sends the browser: a neutral, busy site. */
export const NEUTRAL_SITE = 'https://www.wikipedia.org/';

export const ESCAPE_PRESSES = 3;
export const ESCAPE_WINDOW_MS = 1500;

/**
 * Counts Escape presses; answers true on the third one within the window. Pure, so it is
 * tested without a browser; `now` is injectable.
 */
export function createEscapeCounter(
  presses = ESCAPE_PRESSES,
  windowMs = ESCAPE_WINDOW_MS,
): (key: string, now?: number) => boolean {
  let times: number[] = [];
  return (key: string, now: number = Date.now()) => {
    // Other keys neither count nor reset: someone in a hurry may hit several.
    if (key !== 'Escape') return false;
    times = [...times.filter((t) => now - t <= windowMs), now];
    if (times.length >= presses) {
      times = [];
      return true;
    }
    return false;
  };
}
