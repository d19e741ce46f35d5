package io.udm.adapter.s3;

import io.udm.spi.BlobKeyOrder;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Counts how many of the given keys exist, with few requests. Keys that share a folder (UDM deletes
 * an item's versions or its whole prefix together) are checked with one listing of that folder,
 * which answers for up to 1000 keys per request; a key alone in its folder costs one HEAD. A listing
 * that runs through more pages than the HEADs it saves gives way to HEADs, so the cost stays below
 * about twice one HEAD per key even for a few keys spread through a large folder.
 */
final class ExistingKeyCounter {
  /** S3 lists keys in UTF-8 byte order, which is code point order (not String's UTF-16 order). */
  static final Comparator<String> S3_KEY_ORDER = BlobKeyOrder.COMPARATOR;

  private final S3Client s3;
  private final S3Failures failures;
  private final int listPageSize;

  ExistingKeyCounter(S3Client s3, S3Failures failures, int listPageSize) {
    this.s3 = s3;
    this.failures = failures;
    this.listPageSize = listPageSize;
  }

  /** @param keys distinct keys; @param exists a HEAD of one key */
  long count(String bucket, Collection<String> keys, Predicate<String> exists) {
    List<String> sorted = keys.stream().sorted(S3_KEY_ORDER).toList();
    long found = 0;
    int from = 0;
    while (from < sorted.size()) {
      // Keys with a common prefix are adjacent once sorted: take the run under this key's folder.
      String folder = folderOf(sorted.get(from));
      int to = from + 1;
      while (to < sorted.size() && sorted.get(to).startsWith(folder)) {
        to++;
      }
      List<String> group = sorted.subList(from, to);
      found += group.size() == 1 ? (exists.test(group.get(0)) ? 1 : 0) : countByListing(bucket, folder, group, exists);
      from = to;
    }
    return found;
  }

  private long countByListing(String bucket, String folder, List<String> group, Predicate<String> exists) {
    String first = group.get(0);
    String last = group.get(group.size() - 1);
    // startAfter is exclusive, and no key sorts just before first: HEAD it, list after it.
    long found = exists.test(first) ? 1 : 0;
    List<String> rest = group.subList(1, group.size());
    int next = 0; // rest[0..next) are resolved
    int pageBudget = rest.size(); // never spend more listing requests than the HEADs they replace
    String continuationToken = null;
    for (int page = 0; page < pageBudget; page++) {
      ListObjectsV2Request.Builder request =
          ListObjectsV2Request.builder().bucket(bucket).prefix(folder).maxKeys(listPageSize);
      if (continuationToken == null) {
        request.startAfter(first);
      } else {
        request.continuationToken(continuationToken);
      }
      ListObjectsV2Response response =
          failures.call("ListObjectsV2 (deleteAll count)", bucket, folder + "*", () -> s3.listObjectsV2(request.build()));
      for (S3Object listed : response.contents()) {
        if (S3_KEY_ORDER.compare(listed.key(), last) > 0) {
          return found; // past the last wanted key: the unresolved rest does not exist
        }
        while (next < rest.size() && S3_KEY_ORDER.compare(rest.get(next), listed.key()) < 0) {
          next++; // sorted before a listed key without being listed: missing
        }
        if (next < rest.size() && rest.get(next).equals(listed.key())) {
          found++;
          next++;
        }
      }
      boolean truncated = Boolean.TRUE.equals(response.isTruncated()) && response.nextContinuationToken() != null;
      if (!truncated || next == rest.size()) {
        return found;
      }
      continuationToken = response.nextContinuationToken();
    }
    // Budget spent in a crowded folder: the keys not reached yet are checked one by one.
    for (String key : rest.subList(next, rest.size())) {
      found += exists.test(key) ? 1 : 0;
    }
    return found;
  }

  private static String folderOf(String key) {
    return key.substring(0, key.lastIndexOf('/') + 1);
  }
}
