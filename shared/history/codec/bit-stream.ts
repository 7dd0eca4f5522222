/**
 * Bits in and out of a byte array, most significant bit first. Writes take up to 32 bits at a time
 * (writeWide up to 53, the exact-integer range of a JS number). The reader never throws on short
 * input: reading past the end yields zeros and sets `overrun`, so a corrupt chunk is detected by its
 * caller (count and checksums), never by an exception from deep inside a decoder.
 */
export class BitWriter {
  private bytes: Uint8Array;
  private byteLen = 0;
  /** Pending bits not yet flushed to `bytes`, left-aligned in the low `pendingBits` of `pending`. */
  private pending = 0;
  private pendingBits = 0;

  constructor(initialBytes = 256) {
    this.bytes = new Uint8Array(Math.max(16, initialBytes));
  }

  /** Writes the low `n` bits of `value` (0 ≤ n ≤ 32; value treated as unsigned). */
  write(value: number, n: number): void {
    if (n === 0) return;
    if (n > 24) {
      // Split so `pending` never holds more than 31 bits.
      this.write(Math.floor(value / 0x10000) & ((1 << (n - 16)) - 1), n - 16);
      this.write(value & 0xffff, 16);
      return;
    }
    this.pending = (this.pending << n) | (value & ((1 << n) - 1));
    this.pendingBits += n;
    while (this.pendingBits >= 8) {
      this.pendingBits -= 8;
      this.pushByte((this.pending >>> this.pendingBits) & 0xff);
    }
    this.pending &= (1 << this.pendingBits) - 1;
  }

  /** Writes a non-negative integer of up to 53 bits. */
  writeWide(value: number, n: number): void {
    if (n <= 32) {
      this.write(value >>> 0, n);
      return;
    }
    const high = Math.floor(value / 0x100000000);
    this.write(high, n - 32);
    this.write(value >>> 0, 32);
  }

  /** `count` one-bits followed by a zero (unary code). */
  writeUnary(count: number): void {
    let left = count;
    while (left >= 24) {
      this.write(0xffffff, 24);
      left -= 24;
    }
    this.write(((1 << left) - 1) << 1, left + 1);
  }

  get bitLength(): number {
    return this.byteLen * 8 + this.pendingBits;
  }

  /** The bytes written so far, the last one padded with zero bits. */
  finish(): Uint8Array {
    if (this.pendingBits > 0) {
      this.pushByte((this.pending << (8 - this.pendingBits)) & 0xff);
      this.pending = 0;
      this.pendingBits = 0;
    }
    return this.bytes.slice(0, this.byteLen);
  }

  private pushByte(b: number): void {
    if (this.byteLen === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.byteLen++] = b;
  }
}

export class BitReader {
  private bytePos: number;
  private bitPos = 0;
  /** True once a read went past the end of the input. */
  overrun = false;

  constructor(
    private readonly bytes: Uint8Array,
    startByte = 0,
    private readonly endByte = bytes.length,
  ) {
    this.bytePos = startByte;
  }

  /** Reads `n` bits (0 ≤ n ≤ 32) as an unsigned number. */
  read(n: number): number {
    let out = 0;
    let left = n;
    while (left > 0) {
      if (this.bytePos >= this.endByte) {
        this.overrun = true;
        return out * 2 ** left;
      }
      const avail = 8 - this.bitPos;
      const take = left < avail ? left : avail;
      const byte = this.bytes[this.bytePos] as number;
      const bits = (byte >>> (avail - take)) & ((1 << take) - 1);
      out = out * (1 << take) + bits;
      left -= take;
      this.bitPos += take;
      if (this.bitPos === 8) {
        this.bitPos = 0;
        this.bytePos++;
      }
    }
    return out;
  }

  readWide(n: number): number {
    if (n <= 32) return this.read(n);
    const high = this.read(n - 32);
    return high * 0x100000000 + this.read(32);
  }

  /** Counts one-bits up to the next zero, giving up (overrun) after `limit`. */
  readUnary(limit: number): number {
    let count = 0;
    for (;;) {
      if (this.bytePos >= this.endByte) {
        this.overrun = true;
        return count;
      }
      const byte = this.bytes[this.bytePos] as number;
      // Fast path: the rest of this byte is all ones.
      const avail = 8 - this.bitPos;
      const rest = byte & ((1 << avail) - 1);
      if (rest === (1 << avail) - 1) {
        count += avail;
        this.bitPos = 0;
        this.bytePos++;
        if (count > limit) {
          this.overrun = true;
          return count;
        }
        continue;
      }
      // Leading ones of `rest` within `avail` bits.
      const ones = avail - (32 - Math.clz32(~rest & ((1 << avail) - 1)));
      count += ones;
      this.bitPos += ones + 1;
      if (this.bitPos >= 8) {
        this.bitPos -= 8;
        this.bytePos++;
      }
      return count;
    }
  }

  /** Bits not read yet. */
  get bitsLeft(): number {
    return (this.endByte - this.bytePos) * 8 - this.bitPos;
  }

  /** Position after the last whole byte read (for the next section of a chunk). */
  get nextByte(): number {
    return this.bitPos === 0 ? this.bytePos : this.bytePos + 1;
  }
}
