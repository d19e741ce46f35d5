package io.udm.app;

import io.udm.api.VerifyReport;
import io.udm.api.RouteContext;

/** Checks a collection's heads, version chains and payloads. */
final class Verifier {
  Verifier() {}

  VerifyReport verify(RouteContext ctx) {
    throw NotYetAvailable.feature("maintenance().verify");
  }
}
