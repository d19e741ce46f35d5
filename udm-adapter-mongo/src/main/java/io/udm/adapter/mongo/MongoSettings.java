package io.udm.adapter.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.event.CommandListener;
import io.udm.api.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How UDM talks to one MongoDB. Defaults: database {@code udm}, write and read concern MAJORITY
 * (an acknowledged write survives a failover; a read sees only such writes), retryable writes on,
 * connect and server-selection timeouts of 10 s, socket read timeout of 60 s, 100 pooled
 * connections, no command listeners. An option set in the connection string itself wins over these.
 * Command listeners hear every command the client sends (retries included), on the thread that
 * sends it: metrics count requests with them.
 */
public final class MongoSettings {
  /** MongoDB refuses database names of 64 bytes or more, or with any of these characters. */
  private static final int MAX_DATABASE_NAME_BYTES = 63;
  private static final String FORBIDDEN_IN_DATABASE_NAME = "/\\. \"$*<>:|?\0";

  private final String databaseName;
  private final WriteConcern writeConcern;
  private final ReadConcern readConcern;
  private final boolean retryWrites;
  private final Duration connectTimeout;
  private final Duration serverSelectionTimeout;
  private final Duration socketTimeout;
  private final int maxPoolSize;
  private final String applicationName;
  private final List<CommandListener> commandListeners;

  private MongoSettings(Builder builder) {
    this.databaseName = requireDatabaseName(builder.databaseName);
    this.writeConcern = Objects.requireNonNull(builder.writeConcern, "writeConcern");
    this.readConcern = Objects.requireNonNull(builder.readConcern, "readConcern");
    this.retryWrites = builder.retryWrites;
    this.connectTimeout = requirePositive(builder.connectTimeout, "connectTimeout");
    this.serverSelectionTimeout = requirePositive(builder.serverSelectionTimeout, "serverSelectionTimeout");
    this.socketTimeout = requirePositive(builder.socketTimeout, "socketTimeout");
    if (builder.maxPoolSize < 1) {
      throw new ValidationException("maxPoolSize must be at least 1, got " + builder.maxPoolSize);
    }
    this.maxPoolSize = builder.maxPoolSize;
    this.applicationName = Objects.requireNonNull(builder.applicationName, "applicationName");
    this.commandListeners = List.copyOf(builder.commandListeners);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All defaults. */
  public static MongoSettings defaults() {
    return builder().build();
  }

  public Builder toBuilder() {
    return new Builder()
        .databaseName(databaseName).writeConcern(writeConcern).readConcern(readConcern).retryWrites(retryWrites)
        .connectTimeout(connectTimeout).serverSelectionTimeout(serverSelectionTimeout).socketTimeout(socketTimeout)
        .maxPoolSize(maxPoolSize).applicationName(applicationName).commandListeners(commandListeners);
  }

  public String databaseName() {
    return databaseName;
  }

  public WriteConcern writeConcern() {
    return writeConcern;
  }

  public ReadConcern readConcern() {
    return readConcern;
  }

  public boolean retryWrites() {
    return retryWrites;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration serverSelectionTimeout() {
    return serverSelectionTimeout;
  }

  public Duration socketTimeout() {
    return socketTimeout;
  }

  public int maxPoolSize() {
    return maxPoolSize;
  }

  public String applicationName() {
    return applicationName;
  }

  public List<CommandListener> commandListeners() {
    return commandListeners;
  }

  @Override
  public String toString() {
    return "MongoSettings{databaseName=" + databaseName + ", writeConcern=" + writeConcern + ", readConcern="
        + readConcern.getLevel() + ", retryWrites=" + retryWrites + ", connectTimeout=" + connectTimeout
        + ", serverSelectionTimeout=" + serverSelectionTimeout + ", socketTimeout=" + socketTimeout
        + ", maxPoolSize=" + maxPoolSize + ", applicationName=" + applicationName
        + ", commandListeners=" + commandListeners.size() + "}";
  }

  private static String requireDatabaseName(String name) {
    if (name == null || name.isEmpty()) {
      throw new ValidationException("the MongoDB database name must not be empty");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_DATABASE_NAME_BYTES) {
      throw new ValidationException(
          "the MongoDB database name '" + name + "' is longer than " + MAX_DATABASE_NAME_BYTES + " bytes");
    }
    for (char c : name.toCharArray()) {
      if (FORBIDDEN_IN_DATABASE_NAME.indexOf(c) >= 0) {
        throw new ValidationException("the MongoDB database name '" + name.replace("\0", "\\0")
            + "' contains a character MongoDB forbids: one of / \\ . space \" $ * < > : | ? or NUL");
      }
    }
    return name;
  }

  private static Duration requirePositive(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.isZero()) {
      throw new ValidationException(what + " must be positive, got " + duration);
    }
    return duration;
  }

  /** Starts from the defaults. */
  public static final class Builder {
    private String databaseName = "udm";
    private WriteConcern writeConcern = WriteConcern.MAJORITY;
    private ReadConcern readConcern = ReadConcern.MAJORITY;
    private boolean retryWrites = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration serverSelectionTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofSeconds(60);
    private int maxPoolSize = 100;
    private String applicationName = "udm";
    private final List<CommandListener> commandListeners = new ArrayList<>();

    private Builder() {}

    public Builder databaseName(String value) {
      databaseName = value;
      return this;
    }

    public Builder writeConcern(WriteConcern value) {
      writeConcern = value;
      return this;
    }

    public Builder readConcern(ReadConcern value) {
      readConcern = value;
      return this;
    }

    public Builder retryWrites(boolean value) {
      retryWrites = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    public Builder serverSelectionTimeout(Duration value) {
      serverSelectionTimeout = value;
      return this;
    }

    public Builder socketTimeout(Duration value) {
      socketTimeout = value;
      return this;
    }

    public Builder maxPoolSize(int value) {
      maxPoolSize = value;
      return this;
    }

    public Builder applicationName(String value) {
      applicationName = value;
      return this;
    }

    /** Replaces the command listeners with {@code values}. */
    public Builder commandListeners(List<CommandListener> values) {
      commandListeners.clear();
      values.forEach(this::addCommandListener);
      return this;
    }

    public Builder addCommandListener(CommandListener value) {
      commandListeners.add(Objects.requireNonNull(value, "commandListener"));
      return this;
    }

    public MongoSettings build() {
      return new MongoSettings(this);
    }
  }
}
