package io.udm.domain.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lowercase hex, the form UDM stores them in (content keys, fingerprints, ids). */
public final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** A fresh digest to feed piece by piece; finish it with {@link #finishHex(MessageDigest)}. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // The Java SE spec requires every runtime to provide SHA-256.
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  /** The SHA-256 of {@code data}, as 64 lowercase hex digits. */
  public static String hexOf(byte[] data) {
    return HEX.formatHex(newDigest().digest(data));
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 lowercase hex digits. */
  public static String hexOf(String text) {
    return hexOf(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Completes {@code digest} (which resets it) and returns its value as 64 lowercase hex digits. */
  public static String finishHex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }
}
