package io.udm.api.config;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The HTTP service ({@code udm serve}, {@code io.udm.http.UdmHttpServer}). Without {@link #apiKeys()}
 * the server binds only to loopback and asks for no Authorization (local use).
 */
@Value.Immutable
public abstract class HttpConfig {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
  public static final int DEFAULT_THREADS = 16;
  public static final long DEFAULT_STOP_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_HEADER_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_READ_TIMEOUT_MS = 30_000;

  /** The address to listen on; anything but loopback needs {@link #apiKeys()}. */
  @Value.Default
  public String bind() {
    return DEFAULT_BIND;
  }

  /** The TCP port; 0 takes any free port. */
  @Value.Default
  public int port() {
    return DEFAULT_PORT;
  }

  /** Larger request bodies are refused (413) before they are read whole. */
  @Value.Default
  public long maxBodyBytes() {
    return DEFAULT_MAX_BODY_BYTES;
  }

  /** Who may call, and which tenants each caller reaches; empty = local use, loopback only. */
  public abstract List<ApiKey> apiKeys();

  /** Requests handled at once; further requests wait for a free thread. */
  @Value.Default
  public int threads() {
    return DEFAULT_THREADS;
  }

  /** How long a stopping server lets requests in flight finish, in milliseconds. */
  @Value.Default
  public long stopTimeoutMs() {
    return DEFAULT_STOP_TIMEOUT_MS;
  }

  /** A request whose line and headers have not all arrived this long after it began is dropped. */
  @Value.Default
  public long headerTimeoutMs() {
    return DEFAULT_HEADER_TIMEOUT_MS;
  }

  /** A request whose body has not all arrived this long after its headers did is dropped. */
  @Value.Default
  public long readTimeoutMs() {
    return DEFAULT_READ_TIMEOUT_MS;
  }

  /** HTTPS; without it the server speaks plain HTTP, which beyond loopback needs {@link #allowPlaintext()}. */
  public abstract Optional<HttpTls> tls();

  /**
   * Plain HTTP on an address beyond loopback, for a TLS-terminating proxy in front: API keys would
   * otherwise cross the network in clear.
   */
  @Value.Default
  public boolean allowPlaintext() {
    return false;
  }

  public static ImmutableHttpConfig.Builder builder() {
    return ImmutableHttpConfig.builder();
  }
}
