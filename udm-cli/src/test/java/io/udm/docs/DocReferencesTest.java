package io.udm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.docs.RepositoryDocs.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ name only what exists: every backticked class (CamelCase), repository path
 * and Maven module, and every relative link, resolves in this repository or on the classpath.
 */
class DocReferencesTest {
  /** Packages whose classes the docs may name without a package (the JDK's and the libraries' UDM exposes). */
  private static final List<String> EXTERNAL_PACKAGES = List.of("java.lang.", "java.util.", "java.time.",
      "java.nio.file.", "java.net.", "java.io.", "java.security.", "com.fasterxml.jackson.databind.",
      "com.fasterxml.jackson.databind.node.", "io.micrometer.core.instrument.",
      "io.micrometer.core.instrument.simple.", "io.micrometer.prometheusmetrics.");

  /**
   * Backticked words shaped like a module that are not modules: the CLI's default local data
   * folder, which a user's working directory holds, not the repository.
   */
  private static final Set<String> NOT_MODULES = Set.of("udm-data");

  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern MODULE = Pattern.compile("udm-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern CLASS = Pattern.compile("([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?:[.#(<].*)?");
  private static final Pattern REPO_PATH = Pattern.compile("\\.?/?([A-Za-z0-9_.-]+)(/[A-Za-z0-9_.-]+)*/?");

  private static Path root;
  private static Set<String> sourceTypes;
  private static Set<String> topLevel;

  @BeforeAll
  static void indexTheRepository() throws IOException {
    root = RepositoryDocs.root();
    try (Stream<Path> files = Files.walk(root)) {
      sourceTypes = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/")
              && !f.toString().contains("/target/"))
          .map(f -> f.getFileName().toString().replace(".java", ""))
          .collect(Collectors.toSet());
    }
    try (Stream<Path> entries = Files.list(root)) {
      topLevel = entries.map(e -> e.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void everyBacktickedClassPathAndModuleExists() {
    List<String> missing = new ArrayList<>();
    for (Path doc : RepositoryDocs.documents()) {
      for (Line line : RepositoryDocs.prose(doc)) {
        Matcher span = CODE_SPAN.matcher(line.text());
        while (span.find()) {
          String problem = problem(doc, span.group(1).strip());
          if (problem != null) {
            missing.add(root.relativize(doc) + ":" + line.number() + ": `" + span.group(1) + "` " + problem);
          }
        }
      }
    }
    assertThat(missing).as("names in the docs that do not exist").isEmpty();
  }

  @Test
  void everyRelativeLinkPointsToAFileInTheRepository() {
    List<String> broken = new ArrayList<>();
    for (Path doc : RepositoryDocs.documents()) {
      for (Line line : RepositoryDocs.prose(doc)) {
        Matcher link = LINK.matcher(line.text());
        while (link.find()) {
          String target = link.group(1);
          if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")
              || target.startsWith("#")) {
            continue;
          }
          Path resolved = doc.getParent().resolve(target.replaceAll("#.*", "")).normalize();
          if (!resolved.startsWith(root) || !Files.exists(resolved)) {
            broken.add(root.relativize(doc) + ":" + line.number() + ": " + target);
          }
        }
      }
    }
    assertThat(broken).as("links outside the repository or to files that do not exist").isEmpty();
  }

  /** Why {@code name} names nothing that exists, or null when it is fine (or not a name this test checks). */
  private static String problem(Path doc, String name) {
    if (MODULE.matcher(name).matches()) {
      return NOT_MODULES.contains(name) || Files.isRegularFile(root.resolve(name).resolve("pom.xml")) ? null
          : "is not a Maven module of this repository";
    }
    Matcher type = CLASS.matcher(name);
    if (type.matches()) {
      return sourceTypes.contains(type.group(1)) || onTheClasspath(type.group(1)) ? null
          : "is not a class of this repository or of the libraries it uses";
    }
    if (REPO_PATH.matcher(name).matches() && isRepositoryPath(name)) {
      String path = name.startsWith("./") ? name.substring(2) : name;
      if (!path.contains("/") && path.endsWith(".java")) {
        return sourceTypes.contains(path.substring(0, path.length() - ".java".length())) ? null
            : "is not a source file of this repository";
      }
      return Files.exists(root.resolve(path)) || Files.exists(doc.getParent().resolve(path)) ? null
          : "is not a file or folder of this repository";
    }
    return null;
  }

  /** A path into the repository: its first part is a top-level entry or looks like a module, or it is a Markdown file. */
  private static boolean isRepositoryPath(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name;
    if (!path.contains("/")) {
      return path.endsWith(".md") || path.endsWith(".java");
    }
    String first = path.substring(0, path.indexOf('/'));
    return topLevel.contains(first) || (MODULE.matcher(first).matches() && !NOT_MODULES.contains(first));
  }

  private static boolean onTheClasspath(String simpleName) {
    for (String pkg : EXTERNAL_PACKAGES) {
      try {
        Class.forName(pkg + simpleName, false, DocReferencesTest.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException e) {
        // not in this package
      } catch (LinkageError e) {
        throw new UncheckedIOException(new IOException("cannot load " + pkg + simpleName, e));
      }
    }
    return false;
  }
}
