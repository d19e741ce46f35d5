package io.udm.api;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * What changed between two versions of an item: {@code patch} is an RFC 6902 JSON Patch over
 * {@code data()} that turns version {@code fromOv}'s data into version {@code toOv}'s (0 is {}).
 */
public record VersionDiff(String id, long fromOv, long toOv, ArrayNode patch) {
  public VersionDiff {
    patch = patch.deepCopy();
  }

  @Override
  public ArrayNode patch() {
    return patch.deepCopy();
  }
}
