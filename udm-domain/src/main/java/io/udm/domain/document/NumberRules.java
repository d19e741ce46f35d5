package io.udm.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Which JSON numbers UDM accepts: finite ones that every store keeps exactly. A payload is stored as
 * JSON text and read back with decimals as doubles (as the HTTP service reads a request), so a
 * decimal must be a double's value: a {@code BigDecimal} with more digits or range than a double
 * would come back changed, and is refused instead. An integer is read back exactly at any size, but
 * MongoDB holds an indexed one as a 64-bit integer or a Decimal128 (34 significant digits,
 * exponent up to 6144), so a wider one is refused too; without these rules the two wirings would disagree about the same
 * document, or a value would change silently between write and read.
 */
public final class NumberRules {
  static final int MAX_DECIMAL_DIGITS = 34;
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
    if (number.isBigDecimal()) {
      BigDecimal value = number.decimalValue();
      double asDouble = value.doubleValue();
      if (Double.isInfinite(asDouble) || BigDecimal.valueOf(asDouble).compareTo(value) != 0) {
        return Optional.of(abbreviated(value.toString()) + " has more precision or range than a stored decimal"
            + " keeps (decimals are read back as doubles, about 17 significant digits up to 1.8e308); round it,"
            + " or send it as a string to keep every digit");
      }
      return Optional.empty();
    }
    if (number.isBigInteger()) {
      BigDecimal value = new BigDecimal(number.bigIntegerValue()).stripTrailingZeros();
      int exponent = value.precision() - value.scale() - 1;
      if (value.precision() > MAX_DECIMAL_DIGITS || exponent > MAX_DECIMAL_EXPONENT) {
        return Optional.of(abbreviated(number.bigIntegerValue().toString()) + " has more precision or range than a"
            + " store keeps exactly (at most " + MAX_DECIMAL_DIGITS + " significant digits, exponent up to "
            + MAX_DECIMAL_EXPONENT + "); send it as a string");
      }
    }
    return Optional.empty();
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
  }
}
