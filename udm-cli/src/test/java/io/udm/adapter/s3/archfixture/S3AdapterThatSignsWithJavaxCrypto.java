package io.udm.adapter.s3.archfixture;

/** Violates: the S3 adapter is granted javax.net for TLS failures, not javax.crypto (the SDK signs). */
public class S3AdapterThatSignsWithJavaxCrypto {
  public javax.crypto.Mac mac;
}
