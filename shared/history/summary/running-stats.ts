/** Count, mean, min and max of a stream of numbers, in constant memory. */
export class RunningStats {
  count = 0;
  private sum = 0;
  private lo = Infinity;
  private hi = -Infinity;

  add(x: number): void {
    this.count++;
    this.sum += x;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  get mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }

  get min(): number | null {
    return this.count === 0 ? null : this.lo;
  }

  get max(): number | null {
    return this.count === 0 ? null : this.hi;
  }
}
