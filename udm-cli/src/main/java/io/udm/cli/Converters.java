package io.udm.cli;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Typed option values, each with a message that says what to write instead. */
final class Converters {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h|d|w)");

  private Converters() {}

  /** {@code TENANT/DB/COLLECTION}. */
  static final class Collection implements ITypeConverter<RouteContext> {
    @Override
    public RouteContext convert(String value) {
      String[] parts = value.split("/", -1);
      if (parts.length != 3) {
        throw new TypeConversionException("'" + value + "' is not TENANT/DB/COLLECTION (three names separated by"
            + " '/', e.g. acme/crm/users)");
      }
      try {
        return RouteContext.of(parts[0], parts[1], parts[2]);
      } catch (ValidationException e) {
        throw new TypeConversionException(String.join("; ", e.problems()));
      }
    }
  }

  /** {@code TENANT}, {@code TENANT/DB} or {@code TENANT/DB/COLLECTION}. */
  static final class Scope implements ITypeConverter<CounterQuery> {
    @Override
    public CounterQuery convert(String value) {
      String[] parts = value.split("/", -1);
      if (parts.length > 3) {
        throw new TypeConversionException("'" + value + "' is not TENANT, TENANT/DB or TENANT/DB/COLLECTION");
      }
      try {
        return CounterQuery.of(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
      } catch (ValidationException e) {
        throw new TypeConversionException(String.join("; ", e.problems()));
      }
    }
  }

  /** An ISO-8601 instant, in UTC ({@code Z}) or with an offset. */
  static final class Timestamp implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        try {
          return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e2) {
          throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant; write e.g."
              + " 2025-01-31T12:00:00Z or 2025-01-31T13:00:00+01:00");
        }
      }
    }
  }

  /** {@code 90s}, {@code 15m}, {@code 12h}, {@code 7d}, {@code 2w}, or ISO-8601 ({@code PT1H}, {@code P7D}). */
  static final class Age implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      Matcher m = SHORT_DURATION.matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m", "min" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(7 * n);
        };
      }
      try {
        Duration d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        if (d.isNegative()) {
          throw new TypeConversionException("'" + value + "' is negative; give a positive duration");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 90s, 15m, 12h, 7d, 2w"
            + " or ISO-8601 such as PT36H");
      }
    }
  }
}
