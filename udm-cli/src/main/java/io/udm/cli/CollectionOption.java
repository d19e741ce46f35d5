package io.udm.cli;

import io.udm.api.RouteContext;
import picocli.CommandLine.Option;

/** The collection a command works on: {@code -c TENANT/DB/COLLECTION}. */
final class CollectionOption {
  @Option(
      names = {"-c", "--collection"},
      required = true,
      paramLabel = "TENANT/DB/COLLECTION",
      converter = Converters.Collection.class,
      description = "The collection, as tenant/db/collection (e.g. acme/crm/users).")
  RouteContext context;

  RouteContext get() {
    return context;
  }
}
