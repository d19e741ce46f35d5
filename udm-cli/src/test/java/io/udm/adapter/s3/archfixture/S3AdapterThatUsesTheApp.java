package io.udm.adapter.s3.archfixture;

/** Violates: an adapter never uses the use cases. */
public class S3AdapterThatUsesTheApp {
  public io.udm.app.UdmService udm;
}
