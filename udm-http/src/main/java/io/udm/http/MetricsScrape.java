package io.udm.http;

/**
 * Where {@code GET /metrics} gets its answer: the metrics in Prometheus' text format, such as
 * Micrometer's {@code PrometheusMeterRegistry::scrape}. The server depends on no metrics library.
 */
@FunctionalInterface
public interface MetricsScrape {
  /** Content type of Prometheus' text exposition format 0.0.4. */
  String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  String scrape();
}
