/**
 * The driven ports on plain in-memory structures. Real code, not a fake: thread-safe, stores and
 * hands out copies, and enforces the same uniqueness and compare-and-set rules as the MongoDB and
 * S3 adapters, so the app's tests catch what production would. Nothing survives the JVM.
 */
package io.udm.adapter.memory;
