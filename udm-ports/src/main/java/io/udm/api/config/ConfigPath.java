package io.udm.api.config;

import io.udm.api.Names;
import java.util.regex.Pattern;

/** Builds the paths problems are reported at, such as {@code spacesConns[1].jsonBucket}. */
final class ConfigPath {
  static final String ROOT = "";
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private ConfigPath() {}

  /** A field of an object; keys with dots or odd characters are quoted so the path stays unambiguous. */
  static String field(String parent, String name) {
    if (!PLAIN_KEY.matcher(name).matches()) {
      return parent + "[" + Names.show(name) + "]";
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** True when {@code path} is {@code root} itself or lies beneath it. */
  static boolean within(String path, String root) {
    return root.isEmpty()
        || path.equals(root)
        || path.startsWith(root + ".")
        || path.startsWith(root + "[");
  }
}
