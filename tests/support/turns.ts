/**
 * Counts event-loop turns (setImmediate callbacks) from now until the returned function is called, which
 * returns the count: how a test sees that work done in slices left the loop free in between.
 */
export function countTurns(): () => number {
  let count = 0;
  let on = true;
  const tick = () => {
    count++;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    on = false;
    return count;
  };
}
