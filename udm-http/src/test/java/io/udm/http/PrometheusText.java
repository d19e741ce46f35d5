package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks text against Prometheus' text exposition format 0.0.4, line by line: HELP and TYPE
 * comments, each family typed once and before its samples, samples as {@code name{labels} value},
 * names, label names and escaped label values as the format defines them, and float values.
 */
final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:\\\\[\\\\\"n]|[^\"\\\\\\n])*\"";
  private static final String VALUE = "(?:[-+]?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?)|NaN|[-+]Inf)";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE = Pattern.compile(
      "(" + NAME + ")(?:\\{(?:" + LABEL + "(?:," + LABEL + ")*,?)?})? " + VALUE + "(?: -?\\d+)?");
  private static final List<String> SUFFIXES = List.of("", "_total", "_count", "_sum", "_bucket", "_created");

  private PrometheusText() {}

  /** Fails naming the first line that breaks the format; returns the number of samples. */
  static int requireValid(String text) {
    assertThat(text).as("exposition ends with a newline").endsWith("\n");
    Map<String, String> types = new HashMap<>();
    int samples = 0;
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = "line " + (i + 1) + ": " + line;
      if (line.isEmpty() || HELP.matcher(line).matches()) {
        continue;
      }
      Matcher type = TYPE.matcher(line);
      if (type.matches()) {
        assertThat(types.put(type.group(1), type.group(2))).as("family typed twice, " + where).isNull();
        continue;
      }
      assertThat(line).as("a comment other than HELP or TYPE, " + where).doesNotStartWith("# ");
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("not a sample, " + where).isTrue();
      String name = sample.group(1);
      boolean typed = SUFFIXES.stream().anyMatch(s -> name.endsWith(s)
          && types.containsKey(name.substring(0, name.length() - s.length())));
      assertThat(typed).as("sample of a family with no TYPE before it, " + where).isTrue();
      samples++;
    }
    return samples;
  }
}
