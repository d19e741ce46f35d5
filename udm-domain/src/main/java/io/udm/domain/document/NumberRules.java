package io.udm.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Which JSON numbers UDM accepts: finite ones that every store keeps exactly. MongoDB holds a
 * number as a 64-bit integer, a double, or a Decimal128 (34 significant digits, exponent
 * -6143..6144); the in-memory store would hold more, so without this rule the two wirings would
 * disagree about the same document, and MongoDB would refuse it only at the commit.
 */
public final class NumberRules {
  static final int MAX_DECIMAL_DIGITS = 34;
  static final int MIN_DECIMAL_EXPONENT = -6143;
  static final int MAX_DECIMAL_EXPONENT = 6144;

  private NumberRules() {}

  /** Why {@code number} cannot be stored; empty when it can. */
  public static Optional<String> flaw(JsonNode number) {
    if (number.isDouble() || number.isFloat()) {
      double value = number.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        return Optional.of(value + " is not a JSON number; send a finite number (or a string)");
      }
      return Optional.empty();
    }
    if (number.isBigDecimal() || number.isBigInteger()) {
      BigDecimal value = number.decimalValue().stripTrailingZeros();
      int exponent = value.precision() - value.scale() - 1;
      if (value.precision() > MAX_DECIMAL_DIGITS || exponent < MIN_DECIMAL_EXPONENT || exponent > MAX_DECIMAL_EXPONENT) {
        return Optional.of(abbreviated(number.decimalValue().toString()) + " has more precision or range than a"
            + " store keeps exactly (at most " + MAX_DECIMAL_DIGITS + " significant digits, exponent "
            + MIN_DECIMAL_EXPONENT + ".." + MAX_DECIMAL_EXPONENT + "); round it or send it as a string");
      }
    }
    return Optional.empty();
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
  }
}
