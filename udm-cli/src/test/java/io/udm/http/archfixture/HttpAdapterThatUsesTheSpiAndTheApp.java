package io.udm.http.archfixture;

import io.udm.app.UdmService;
import io.udm.spi.VersionLog;

/** Violates: the HTTP service drives the public API only, never a driven port or the use cases. */
public class HttpAdapterThatUsesTheSpiAndTheApp {
  public VersionLog log;
  public UdmService service;
}
