package io.udm.bootstrap.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * udm-bom has no parent (a BOM exports all it manages), so it repeats versions: it must list every
 * module of the build and pin the same library versions as the parent.
 */
class BomInStepTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theBomListsEveryModuleAndThePinnedVersionsOfTheParent() throws Exception {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("udm-bom/pom.xml"));

    // The build's modules, not those of optional profiles (the benchmarks are no library).
    String mainModules = parent.substring(parent.indexOf("<modules>"), parent.indexOf("</modules>"));
    List<String> modules = all(Pattern.compile("<module>([^<]+)</module>"), mainModules);
    assertThat(modules).contains("udm-bom", "udm-ports", "udm-bootstrap");
    for (String module : modules) {
      // The BOM itself, and the check that builds a consumer project against it, are no libraries.
      if (!module.equals("udm-bom") && !module.equals("udm-consumer-check")) {
        assertThat(bom).as("udm-bom manages %s", module).contains("<artifactId>" + module + "</artifactId>");
      }
    }
    for (String property : List.of("jackson.version", "awssdk.version", "mongodb.version", "vavr.version",
        "micrometer.version")) {
      assertThat(value(bom, property)).as(property).isEqualTo(value(parent, property));
    }
    assertThat(value(bom, "version")).isEqualTo(value(parent, "version"));
  }

  private static String value(String pom, String tag) {
    Matcher m = Pattern.compile("<" + Pattern.quote(tag) + ">([^<]+)</" + Pattern.quote(tag) + ">").matcher(pom);
    assertThat(m.find()).as("<%s> in the pom", tag).isTrue();
    return m.group(1);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
