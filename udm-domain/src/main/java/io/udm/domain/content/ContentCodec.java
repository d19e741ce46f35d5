package io.udm.domain.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.udm.api.ContentRef;
import io.udm.domain.hash.Sha256;
import io.vavr.control.Either;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Base64 in, bytes out, and back. Only the canonical form is accepted (RFC 4648 standard alphabet,
 * padded, no line breaks): exactly what {@code Base64.getEncoder()} writes. That is what lets an
 * inline read return the caller's value byte for byte from the stored bytes.
 */
public final class ContentCodec {
  private ContentCodec() {}

  /** The decoded bytes, or what is wrong with {@code base64}. */
  public static Either<String, byte[]> decode(String base64, boolean utf8TextRequired) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return Either.left("is not valid base64 (" + e.getMessage() + "); send the bytes encoded with the standard"
          + " alphabet, e.g. Base64.getEncoder().encodeToString(bytes)");
    }
    if (!canonical(base64)) {
      return Either.left("is base64 but not in canonical form (padding '=' where needed, no line breaks or"
          + " spaces); send Base64.getEncoder().encodeToString(bytes), so reads can return it byte for byte");
    }
    if (utf8TextRequired && !isUtf8(bytes)) {
      return Either.left("decodes to bytes that are not UTF-8 text, but its preferredText setting promises text"
          + " on inline reads; send UTF-8 text, or set preferredText to false");
    }
    return Either.right(bytes);
  }

  /**
   * Whether input the decoder accepted is exactly what the encoder writes, checked without encoding
   * again: padded to a multiple of 4, and the bits the padding leaves over are zero (the decoder
   * ignores them, so "AR==" would otherwise read back as "AQ==").
   */
  private static boolean canonical(String base64) {
    int length = base64.length();
    if (length % 4 != 0) {
      return false;
    }
    if (base64.endsWith("==")) {
      return (sextet(base64.charAt(length - 3)) & 0x0f) == 0;
    }
    if (base64.endsWith("=")) {
      return (sextet(base64.charAt(length - 2)) & 0x03) == 0;
    }
    return true;
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : 63;
  }

  /** The decoded size of canonical base64, known without decoding (an upper bound for other input). */
  public static long decodedSize(String base64) {
    long size = base64.length() / 4L * 3 + (base64.length() % 4) * 3L / 4;
    if (base64.endsWith("==")) {
      return size - 2;
    }
    return base64.endsWith("=") ? size - 1 : size;
  }

  /**
   * The value an inline read puts back: the canonical base64 the caller sent, or the text itself
   * when {@code preferredText}. Fails when the bytes are not the ones the reference names.
   */
  public static Either<String, JsonNode> inlineValue(ContentRef ref, byte[] bytes, boolean preferredText) {
    if (bytes.length != ref.size() || !sha256Hex(bytes).equals(ref.sha256())) {
      return Either.left("content object " + ref.key() + " does not hold the bytes its reference names (size "
          + bytes.length + " instead of " + ref.size() + ", or another SHA-256); it was changed outside UDM."
          + " Run maintenance().verify and restore the item from an intact version");
    }
    if (preferredText && isUtf8(bytes)) {
      return Either.right(TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8)));
    }
    return Either.right(TextNode.valueOf(Base64.getEncoder().encodeToString(bytes)));
  }

  /** The SHA-256 a {@link ContentRef} records for {@code bytes}, as lowercase hex. */
  public static String sha256Hex(byte[] bytes) {
    return Sha256.hexOf(bytes);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

}
