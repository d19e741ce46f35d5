/**
 * The {@link io.udm.spi} ports on MongoDB ({@code mongodb-driver-sync}).
 *
 * <h2>Storage layout</h2>
 *
 * <p>One database per backend ({@link io.udm.adapter.mongo.MongoSettings#databaseName()}, default
 * {@code udm}), shared by every tenant: MongoDB database names are limited to 64 bytes, too short
 * for {@code tenant__db}. Instead every document and key carries the tenant, database and
 * collection; keys join the validated names (which never contain {@code /}) with {@code /}.
 *
 * <ul>
 *   <li>{@code heads}: {@code _id} = {@code tenant/db/collection/objectId}, unique by nature;
 *       plus a unique index on {@code {_id, ov}} that serves the compare-and-set filter. A
 *       collection's heads are the {@code _id} range {@code [tenant/db/collection/,
 *       tenant/db/collection0)}. Meta is a sub-document queried as {@code meta.<path>}; {@code
 *       sortKeys} holds, for each object, array or binary in meta, a string that sorts like it
 *       ({@code SortKeys}), and {@code sortKeysFormat} marks heads that have them (indexed).
 *   <li>{@code versions}: {@code _id} = {@code tenant/db/collection/objectId/ov}; unique {@code
 *       {item, ov}}; unique sparse {@code requestKey} = {@code tenant/db/collection/requestId},
 *       present only when a request id is (the index that makes request ids unique per collection).
 *   <li>{@code pruned_requests}: {@code _id} = the pruned version's {@code requestKey}; what that
 *       request id still answers after retention, until {@code expiresAt} (TTL index).
 *   <li>{@code sequences}: {@code _id} = {@code tenant/db/collection}, {@code value} raised by
 *       {@code $inc} upserts.
 * </ul>
 *
 * <p>On the counters MongoDB (its own database name, e.g. {@code udm_counters}): {@code counters}
 * (one document per collection, operation totals and a {@code rules} sub-document), {@code
 * placements} ({@code _id} = {@code tenant/db/collection}, first insert wins), {@code retry_queue}
 * ({@code _id} = request id) and the dead-letter collection named by the configuration ({@code _id}
 * = dead letter id).
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Uniqueness is always a unique index, and a duplicate key is recognized by {@link
 *       com.mongodb.ErrorCategory#DUPLICATE_KEY}, never by message text. mongo-java-server ignores
 *       non-unique indexes and partial filter expressions, so correctness never relies on either.
 *   <li>JSON is stored as BSON exactly (see {@code BsonJson}); instants as BSON dates, so with
 *       millisecond precision.
 *   <li>Listings sort in {@link io.udm.api.json.JsonValues#SORT_ORDER} by walking the type brackets
 *       (see {@code SortBracket}); the server sorts and pages every bracket (objects, arrays and
 *       binaries on their sort keys), so a page reads at most its limit of heads.
 *   <li>Known differences from {@link io.udm.api.MetaQuery#matches} (and so from the in-memory
 *       adapter), all MongoDB's own semantics: a path through an array ({@code a.b} with {@code a}
 *       an array of objects) reaches into the elements instead of reading as missing, in filters and
 *       in sorting; an object operand of {@code $eq}/{@code $in} matches only with the same key
 *       order. (Ranges look one array level deep on both sides.)
 *   <li>Transactions are detected ({@link io.udm.adapter.mongo.MongoStorage#supportsTransactions()})
 *       and never required.
 *   <li>Every driver failure becomes an {@link io.udm.api.error.StorageException} naming the
 *       redacted endpoint; no driver type leaves this package through a port.
 * </ul>
 */
package io.udm.adapter.mongo;
