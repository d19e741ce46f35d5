package io.udm.app.maintenance;

import io.udm.api.VerifyProblem;
import io.udm.api.VerifyProblem.Kind;
import io.udm.app.scan.CollectionPayloads;
import io.udm.app.write.HeadRepair;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks {@link Verifier} runs on one item: its head, version chain, payloads and content.
 * Holds one item's history and object listing while it runs.
 */
final class ItemCheck {
  private ItemCheck() {}

  static void check(BackendPorts backend, ItemKey key, Consumer<VerifyProblem> problems) {
    String id = key.objectId();
    Optional<HeadRecord> head = backend.heads().find(key);
    List<VersionRecord> history = backend.versions().history(key);
    Map<String, BlobInfo> payloads = CollectionPayloads.ofItem(backend.blobs(), StorageKeys.itemPrefix(key)).stream()
        .collect(Collectors.toMap(BlobInfo::key, Function.identity()));

    for (int i = 1; i < history.size(); i++) {
      long before = history.get(i - 1).ov();
      long next = history.get(i).ov();
      if (next != before + 1) {
        problems.accept(new VerifyProblem(Kind.OV_GAP, id, "ov " + before + " is followed by ov " + next
            + "; versions " + (before + 1) + ".." + (next - 1) + " are missing from the log"));
      }
    }
    for (VersionRecord v : history) {
      payloadProblem(v, payloads).ifPresent(problems);
    }
    checkContent(backend, key, history, problems);
    TreeSet<String> referenced = history.stream().map(VersionRecord::payloadKey)
        .collect(Collectors.toCollection(TreeSet::new));
    head.map(HeadRecord::payloadKey).ifPresent(referenced::add);
    payloads.values().stream()
        .filter(p -> !referenced.contains(p.key()))
        .sorted(Comparator.comparing(BlobInfo::key))
        .forEach(p -> problems.accept(new VerifyProblem(Kind.ORPHAN_PAYLOAD, id, "payload " + p.key()
            + " (last modified " + p.lastModified() + ") is referenced by no version record;"
            + " collectGarbage removes it once it is older than the grace period")));

    Optional<VersionRecord> newest = history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    if (head.isPresent()) {
      HeadRecord h = head.get();
      Optional<VersionRecord> pointed = history.stream().filter(v -> v.ov() == h.ov()).findFirst();
      if (pointed.isEmpty()) {
        problems.accept(new VerifyProblem(Kind.DANGLING_HEAD, id,
            "the head points to ov " + h.ov() + ", which the version log does not hold"));
      } else if (!h.payloadInline() && !payloads.containsKey(h.payloadKey())) {
        problems.accept(new VerifyProblem(Kind.DANGLING_HEAD, id,
            "the head (ov " + h.ov() + ") points to payload " + h.payloadKey() + ", which object storage does not hold"));
      } else if (!h.inlinePayload().equals(pointed.get().inlinePayload())) {
        problems.accept(new VerifyProblem(Kind.DANGLING_HEAD, id, "the head (ov " + h.ov() + ") carries "
            + (h.payloadInline() ? "a payload that differs from" : "no payload, unlike") + " version " + h.ov()
            + ", which keeps its payload " + (pointed.get().payloadInline() ? "inline" : "in object storage")));
      } else if (!pointed.get().payloadKey().equals(h.payloadKey())) {
        problems.accept(new VerifyProblem(Kind.DANGLING_HEAD, id, "the head (ov " + h.ov() + ") points to payload "
            + h.payloadKey() + " but version " + h.ov() + " holds " + pointed.get().payloadKey()));
      }
      if (newest.isPresent() && newest.get().ov() > h.ov()) {
        problems.accept(new VerifyProblem(Kind.HEAD_BEHIND, id, "the head is at ov " + h.ov()
            + " but the log holds ov " + newest.get().ov() + "; " + repair(backend, key, head, newest.get(), payloads)));
      }
    } else if (newest.isPresent()) {
      problems.accept(new VerifyProblem(Kind.ORPHAN_VERSION, id, "the log holds ov " + history.get(0).ov() + ".."
          + newest.get().ov() + " but the item has no head; " + repair(backend, key, head, newest.get(), payloads)));
    }
  }

  /**
   * What is wrong with a version's payload, if anything: an object must be there with the recorded
   * size; an inline payload must have the recorded size and be a JSON object.
   */
  private static Optional<VerifyProblem> payloadProblem(VersionRecord v, Map<String, BlobInfo> payloads) {
    String id = v.key().objectId();
    if (v.inlinePayload().isPresent()) {
      byte[] stored = v.inlinePayload().get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String flaw = stored.length != v.payloadBytes() ? "is " + stored.length + " bytes, not the " + v.payloadBytes()
          + " written" : isJsonObject(stored) ? "" : "is not a JSON object";
      return flaw.isEmpty() ? Optional.empty() : Optional.of(new VerifyProblem(Kind.DAMAGED_PAYLOAD, id,
          "the inline payload of version " + v.ov() + " " + flaw + "; restore the item from a backup"));
    }
    BlobInfo object = payloads.get(v.payloadKey());
    if (object == null) {
      return Optional.of(new VerifyProblem(Kind.MISSING_PAYLOAD, id,
          "version " + v.ov() + " points to payload " + v.payloadKey() + ", which object storage does not hold"));
    }
    if (object.size() != v.payloadBytes()) {
      return Optional.of(new VerifyProblem(Kind.DAMAGED_PAYLOAD, id, "payload " + v.payloadKey() + " of version "
          + v.ov() + " is " + object.size() + " bytes, not the " + v.payloadBytes() + " written; restore the object"
          + " from a backup"));
    }
    return Optional.empty();
  }

  private static boolean isJsonObject(byte[] stored) {
    try {
      return io.udm.api.json.JsonValues.fromBytes(stored).isObject();
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  /** Every content reference of every version must name a stored object of the recorded size. */
  private static void checkContent(BackendPorts backend, ItemKey key, List<VersionRecord> history,
      Consumer<VerifyProblem> problems) {
    if (history.stream().allMatch(v -> v.content().isEmpty())) {
      return;
    }
    Map<String, BlobInfo> stored = CollectionPayloads.ofItem(backend.blobs(), BlobArea.CONTENT, StorageKeys.itemPrefix(key))
        .stream().collect(Collectors.toMap(BlobInfo::key, Function.identity()));
    for (VersionRecord v : history) {
      for (io.udm.api.ContentRef ref : v.content()) {
        BlobInfo blob = stored.get(ref.key());
        if (blob == null || blob.size() != ref.size()) {
          problems.accept(new VerifyProblem(Kind.MISSING_CONTENT, key.objectId(), "version " + v.ov() + " refers at "
              + ref.path() + " to content " + ref.key() + " (" + ref.size() + " bytes), which object storage "
              + (blob == null ? "does not hold" : "holds with " + blob.size() + " bytes")));
        }
      }
    }
  }

  /** Rolls the head forward when that cannot create a dangling head; says what happened. */
  private static String repair(BackendPorts backend, ItemKey key, Optional<HeadRecord> head, VersionRecord newest,
      Map<String, BlobInfo> payloads) {
    if (payloadProblem(newest, payloads).isPresent()) {
      return "not repaired: the payload of ov " + newest.ov() + " is missing or damaged";
    }
    try {
      // As the next read would: roll forward, or finish a hard delete a dying writer interrupted.
      Optional<VersionRecord> latest = HeadRepair.latestCommitted(backend, key);
      if (latest.isEmpty()) {
        return "repaired: these versions were what a writer left behind a hard delete, and were removed";
      }
      return "repaired: the head was rolled forward to ov " + latest.get().ov();
    } catch (RuntimeException e) {
      return "not repaired (" + e.getClass().getSimpleName() + "); the next read or write of the item rolls it forward";
    }
  }
}
