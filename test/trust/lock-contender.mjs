// One contender for the store's lock, run as its own process by lock.test.ts: waits for the common start time, tries
// to take the lock, holds it for a while when it wins, and prints what it saw as JSON. A test helper, not shipped.
import { lockStore } from '../../dist/store/lock.js';

const [store, startAt, holdMs] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // spin until the common start, so that the two contenders race for real
}
try {
  const lock = await lockStore(store);
  const acquired = performance.timeOrigin + performance.now();
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  const released = performance.timeOrigin + performance.now();
  await lock.release();
  console.log(JSON.stringify({ won: true, acquired, released }));
} catch (err) {
  console.log(JSON.stringify({ won: false, message: err.message }));
}
