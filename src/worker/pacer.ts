// How many events a run's time slice may move the cursor by: at a set speed (events per second
// of real time, with at most a tenth of a second saved up), or as many as the slice has time for
// (speed null, or a continue, which runs at full speed whatever the speed).
export class Pacer {
  /** Events per second, or null for as fast as the machine allows. */
  speed: number | null = 1000;
  private fullSpeed = false;
  private allowance = 0;
  private lastSlice = 0;

  setSpeed(eventsPerSecond: number | null): void {
    this.speed = eventsPerSecond;
    this.allowance = 0;
  }

  /** A run starts at `now` (ms); `fullSpeed` for a continue. */
  start(now: number, fullSpeed: boolean): void {
    this.fullSpeed = fullSpeed;
    this.allowance = 0;
    this.lastSlice = now;
  }

  /** Events this slice may move, at real time `now`. */
  budget(now: number): number {
    const paced = this.speed !== null && !this.fullSpeed;
    if (paced) {
      this.allowance = Math.min(
        this.allowance + (this.speed! * (now - this.lastSlice)) / 1000,
        Math.max(1, this.speed! / 10),
      );
    }
    this.lastSlice = now;
    return paced ? Math.floor(this.allowance) : Infinity;
  }

  /** The slice moved `moved` events. */
  spend(moved: number): void {
    if (this.speed !== null && !this.fullSpeed) this.allowance -= moved;
  }

  /** Real-time ms until the next slice: at once at full speed, else about a frame. */
  get pause(): number {
    return this.speed === null ? 0 : 16;
  }
}
