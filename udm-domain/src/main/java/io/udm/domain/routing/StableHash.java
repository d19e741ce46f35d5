package io.udm.domain.routing;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash defined only by its bytes and constants, so every JVM, version and platform
 * computes the same value. FNV-1a 64 walks the bytes; the splitmix64 finalizer then spreads every
 * input bit over every output bit, which FNV alone does poorly for inputs that differ only at the
 * end (as backend ids like "b1" and "b2" do).
 *
 * <p>Changing anything here moves collections between backends: the golden test pins the output.
 */
final class StableHash {
  static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private StableHash() {}

  /**
   * Hash of the pair (first, second). The length of {@code first} goes in before {@code second},
   * so ("ab", "c") and ("a", "bc") never feed the same bytes.
   */
  static long ofPair(String first, String second) {
    byte[] firstBytes = first.getBytes(StandardCharsets.UTF_8);
    long state = fnv1a64(FNV_OFFSET_BASIS, firstBytes);
    state = fnv1a64(state, bigEndianInt(firstBytes.length));
    state = fnv1a64(state, second.getBytes(StandardCharsets.UTF_8));
    return splitmix64Finalizer(state);
  }

  static long fnv1a64(long state, byte[] bytes) {
    long hash = state;
    for (byte b : bytes) {
      hash ^= b & 0xffL;
      hash *= FNV_PRIME;
    }
    return hash;
  }

  /** The output step of splitmix64 (Steele, Lea, Flood 2014): a bijection with full avalanche. */
  static long splitmix64Finalizer(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static byte[] bigEndianInt(int value) {
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }
}
