package io.udm.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.config.LimitsConfig;
import io.udm.domain.content.ContentRefJson;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What any item must satisfy before UDM stores it: a JSON object, no {@code _system} at the top
 * (UDM writes it), keys MongoDB can hold, bounded nesting and size. Reports every problem at once.
 */
public final class DocumentRules {
  public static final String SYSTEM_KEY = "_system";
  static final int MAX_KEY_PROBLEMS_LISTED = 20;

  private final LimitsConfig limits;

  public DocumentRules(LimitsConfig limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Every problem with {@code data}; empty when it may be stored. Never throws on the input's shape. */
  public List<String> problems(JsonNode data) {
    return problems(data, List.of());
  }

  /**
   * As {@link #problems(JsonNode)}, for a collection with base64 properties at {@code contentPaths}:
   * there a {@code {"$content": ..}} reference is allowed (the content externalizer checks it), and
   * a base64 string does not count against {@code maxDocumentBytes}, as it is stored apart.
   */
  public List<String> problems(JsonNode data, Collection<String> contentPaths) {
    if (data == null || !data.isObject()) {
      return List.of("an item must be a JSON object, but this is " + JsonValues.describe(data) + "; wrap it in an object");
    }
    List<String> problems = new ArrayList<>();
    if (data.has(SYSTEM_KEY)) {
      problems.add("the top-level key '" + SYSTEM_KEY + "' is reserved: UDM manages it; remove it from the item");
    }
    // A reference is left to the content externalizer only where it sits at a content path: found
    // by instance, then confirmed by position, as one instance may also sit elsewhere in the tree.
    Map<JsonNode, Set<String>> references = new IdentityHashMap<>();
    long contentChars = 0;
    for (String path : contentPaths) {
      Optional<JsonNode> value = JsonValues.at(data, path);
      if (value.isPresent() && ContentRefJson.looksLikeRef(value.get())) {
        references.computeIfAbsent(value.get(), node -> new HashSet<>()).add(path);
      } else if (value.isPresent() && value.get().isTextual()) {
        contentChars += value.get().textValue().length();
      }
    }
    DocumentWalk.Findings findings = DocumentWalk.walk(data, limits.maxNestingDepth(), MAX_KEY_PROBLEMS_LISTED,
        (path, node) -> references.containsKey(node) && references.get(node).contains(path.dotted()));
    for (DocumentWalk.BadKey badKey : findings.badKeysKept()) {
      problems.add(
          "invalid key at " + badKey.path() + ": it " + String.join(" and ", badKey.flaws())
              + "; rename it (keys must be non-empty and must not start with '$' or contain '.' or NUL)");
    }
    int unlisted = findings.badKeysTotal() - findings.badKeysKept().size();
    if (unlisted > 0) {
      problems.add("and " + unlisted + " more invalid keys");
    }
    for (DocumentWalk.BadNumber badNumber : findings.badNumbersKept()) {
      problems.add("invalid number at " + badNumber.path() + ": " + badNumber.flaw());
    }
    int unlistedNumbers = findings.badNumbersTotal() - findings.badNumbersKept().size();
    if (unlistedNumbers > 0) {
      problems.add("and " + unlistedNumbers + " more invalid numbers");
    }
    if (findings.firstTooDeep() != null) {
      problems.add(
          "the item nests objects and arrays " + findings.deepestLevel() + " levels deep; at most "
              + limits.maxNestingDepth() + " are allowed (the limit is first passed at " + findings.firstTooDeep()
              + "); flatten it");
    } else if (!references.isEmpty() || findings.jsonBytesAtMost() > limits.maxDocumentBytes()) {
      // Only now is serializing safe: Jackson writes trees recursively. An item whose bound fits is
      // small for sure, and is not written out just to count its bytes.
      sizeProblem(data, contentChars).ifPresent(problems::add);
    }
    return List.copyOf(problems);
  }

  /** Throws {@link ValidationException} listing every problem, if there is any. */
  public void require(JsonNode data) {
    List<String> problems = problems(data);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private Optional<String> sizeProblem(JsonNode data, long contentChars) {
    ByteCounter counter = new ByteCounter();
    try {
      JsonValues.mapper().writeValue(counter, data);
    } catch (IOException | RuntimeException e) {
      return Optional.of("the item could not be written as JSON to measure its size: " + e.getMessage());
    }
    long stored = counter.count - contentChars;
    if (stored > limits.maxDocumentBytes()) {
      return Optional.of(
          "the item is " + stored + " bytes as JSON" + (contentChars > 0 ? " without its base64 properties" : "")
              + "; at most " + limits.maxDocumentBytes()
              + " are allowed; make it smaller");
    }
    return Optional.empty();
  }

  /** Counts the bytes Jackson writes without keeping them: a large item costs no extra memory. */
  private static final class ByteCounter extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }
}
