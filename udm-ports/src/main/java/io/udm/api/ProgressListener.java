package io.udm.api;

/**
 * Hears how far a long operation has got (verify, garbage collection, shrinking dev shadows,
 * retention, collection restore). Called on the thread running the operation, after each item;
 * keep it quick. A listener that throws stops the operation there (each of these operations can
 * be run again safely).
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = progress -> {};

  void onProgress(Progress progress);
}
