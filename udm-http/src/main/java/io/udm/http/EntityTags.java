package io.udm.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An {@code If-Match} or {@code If-None-Match} header per RFC 9110 section 13.1: {@code *}, or a
 * list of entity tags ({@code "3"}, {@code W/"3"}), possibly over several header lines. The tags
 * UDM gives out are an item's ov in double quotes; any other tag is well-formed but matches nothing.
 */
record EntityTags(boolean any, List<Tag> tags) {
  /** One entity tag: weak or strong, and its opaque value (between the quotes). */
  record Tag(boolean weak, String opaque) {
    /** The ov this tag names, if it is one UDM could have given out. */
    OptionalLong ov() {
      if (opaque.isEmpty() || opaque.length() > 19 || !opaque.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return OptionalLong.empty();
      }
      long ov = Long.parseLong(opaque);
      return ov >= 1 ? OptionalLong.of(ov) : OptionalLong.empty();
    }
  }

  /** The header's value(s), empty when it was not sent; a malformed value is a 400 naming the header. */
  static Optional<EntityTags> parse(String header, List<String> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Tag> tags = new ArrayList<>();
    boolean any = false;
    for (String value : values) {
      String rest = value.trim();
      if (rest.equals("*")) {
        any = true;
        continue;
      }
      while (!rest.isEmpty()) {
        boolean weak = rest.startsWith("W/");
        String quoted = weak ? rest.substring(2) : rest;
        int close = quoted.indexOf('"', 1);
        if (!quoted.startsWith("\"") || close < 0 || !visible(quoted.substring(1, close))) {
          throw malformed(header);
        }
        tags.add(new Tag(weak, quoted.substring(1, close)));
        rest = quoted.substring(close + 1).trim();
        if (rest.startsWith(",")) {
          rest = rest.substring(1).trim();
          if (rest.isEmpty()) {
            throw malformed(header);
          }
        } else if (!rest.isEmpty()) {
          throw malformed(header);
        }
      }
    }
    if (any && !tags.isEmpty()) {
      throw HttpProblem.badRequest(header + ": * stands alone; send * or a list of entity tags, not both");
    }
    if (!any && tags.isEmpty()) {
      throw malformed(header);
    }
    return Optional.of(new EntityTags(any, List.copyOf(tags)));
  }

  /** Strong comparison (If-Match): a weak tag never matches. */
  boolean matchesStrongly(long ov) {
    return any || tags.stream().anyMatch(t -> !t.weak() && t.ov().equals(OptionalLong.of(ov)));
  }

  /** Weak comparison (If-None-Match): {@code W/"3"} and {@code "3"} both name ov 3. */
  boolean matchesWeakly(long ov) {
    return any || tags.stream().anyMatch(t -> t.ov().equals(OptionalLong.of(ov)));
  }

  /** The only ov a strong comparison can match, when the list names exactly one. */
  OptionalLong singleStrongOv() {
    List<Long> ovs = tags.stream().filter(t -> !t.weak()).map(Tag::ov).filter(OptionalLong::isPresent)
        .map(OptionalLong::getAsLong).distinct().toList();
    return ovs.size() == 1 ? OptionalLong.of(ovs.get(0)) : OptionalLong.empty();
  }

  /** Whether no ov at all can match strongly (only weak or foreign tags). */
  boolean noStrongOv() {
    return !any && tags.stream().noneMatch(t -> !t.weak() && t.ov().isPresent());
  }

  /** RFC 9110 etagc: visible ASCII but the double quote, or obs-text. */
  private static boolean visible(String opaque) {
    return opaque.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x7E) || c >= 0x80);
  }

  private static HttpProblem malformed(String header) {
    return HttpProblem.badRequest(header + " must be * or entity tags such as \"3\" (the item's ov, in double quotes),"
        + " separated by commas");
  }
}
