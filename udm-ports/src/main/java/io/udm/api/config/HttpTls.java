package io.udm.api.config;

import org.immutables.value.Value;

/**
 * HTTPS for the HTTP service: a PKCS#12 key store holding the server's key and certificate chain.
 * In a config file a relative {@link #keyStore()} is read from the config file's folder.
 */
@Value.Immutable
public abstract class HttpTls {
  /** Path of the PKCS#12 key store ({@code .p12}), e.g. made with {@code keytool -storetype PKCS12}. */
  public abstract String keyStore();

  /** The key store's password (also used for its key); write it as {@code ${ENV_VAR}} in config files. */
  @Value.Redacted
  public abstract String keyStorePassword();

  public static ImmutableHttpTls.Builder builder() {
    return ImmutableHttpTls.builder();
  }

  @Override
  public String toString() {
    return "HttpTls{keyStore=" + keyStore() + ", keyStorePassword=***}";
  }
}
