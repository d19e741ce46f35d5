package io.udm.app.archfixture;

/** Violates: javax.crypto is granted only to the adapter that signs (the memory adapter's presigner). */
public class AppThatSignsWithJavaxCrypto {
  public javax.crypto.Mac mac;
}
