package io.udm.spi;

import java.util.Comparator;

/**
 * The order of keys in {@link BlobStore#list}: S3's, which is UTF-8 byte order, i.e. Unicode code
 * point order. It differs from {@link String#compareTo} only for characters outside the Basic
 * Multilingual Plane, where UTF-16 surrogates would sort too early.
 */
public final class BlobKeyOrder {
  public static final Comparator<String> COMPARATOR = BlobKeyOrder::compare;

  private BlobKeyOrder() {}

  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
