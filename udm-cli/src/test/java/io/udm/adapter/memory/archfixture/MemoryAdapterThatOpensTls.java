package io.udm.adapter.memory.archfixture;

/** Violates: the memory adapter is granted javax.crypto for presigning, not javax.net. */
public class MemoryAdapterThatOpensTls {
  public javax.net.ssl.SSLContext tls;
}
