package io.udm.api.config;

/** What a counter rule's predicate sees: the item's indexed meta, or its whole document. */
public enum RuleScope {
  META, PAYLOAD;

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
