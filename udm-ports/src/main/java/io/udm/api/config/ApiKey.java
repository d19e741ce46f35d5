package io.udm.api.config;

import java.util.List;
import org.immutables.value.Value;

/**
 * One caller of the HTTP service: it sends {@code Authorization: Bearer <key>} and reaches only
 * {@link #tenants()}, or every tenant and the health resource when {@link #admin()}.
 */
@Value.Immutable
public abstract class ApiKey {
  /** Names the caller in logs and messages; never the key itself. */
  public abstract String name();

  /** The secret; write it as {@code ${ENV_VAR}} in config files. */
  @Value.Redacted
  public abstract String key();

  public abstract List<String> tenants();

  @Value.Default
  public boolean admin() {
    return false;
  }

  public static ImmutableApiKey.Builder builder() {
    return ImmutableApiKey.builder();
  }

  @Override
  public String toString() {
    return "ApiKey{name=" + name() + ", key=***, tenants=" + tenants() + ", admin=" + admin() + "}";
  }
}
