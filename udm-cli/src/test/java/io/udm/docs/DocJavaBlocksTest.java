package io.udm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.docs.RepositoryDocs.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of the README and docs/ compiles against this build, so an example cannot
 * drift from the API. A block is a whole compilation unit (it starts with {@code package} or
 * {@code import}, or declares a top-level type), or a fragment: statements compiled as a method
 * body with {@link #FRAGMENT_IMPORTS} imported and {@link #FRAGMENT_PARAMETERS} in scope.
 */
class DocJavaBlocksTest {
  static final List<String> FRAGMENT_IMPORTS = List.of("io.udm.api.*", "io.udm.api.config.*", "io.udm.api.error.*",
      "io.udm.bootstrap.*", "io.udm.http.*", "com.fasterxml.jackson.databind.*",
      "com.fasterxml.jackson.databind.node.*", "io.micrometer.core.instrument.*", "java.util.*", "java.time.*",
      "java.nio.file.*", "java.net.*");

  static final String FRAGMENT_PARAMETERS = "Udm udm, ItemOps users, UdmConfig config, RouteContext ctx, String id,"
      + " ObjectNode data, Instant at, MeterRegistry registry, Path configFile";

  private static final Pattern UNIT = Pattern.compile(
      "(?m)^\\s*(package|import)\\s|^(public\\s+|final\\s+|abstract\\s+)*(class|record|interface|enum)\\s+\\w+");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern TYPE =
      Pattern.compile("(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

  @Test
  void everyJavaBlockOfTheDocsCompiles(@TempDir Path out) throws IOException {
    Map<JavaFileObject, Source> sources = new LinkedHashMap<>();
    int n = 0;
    for (Path doc : RepositoryDocs.documents()) {
      for (Block block : RepositoryDocs.blocks(doc)) {
        if (block.language().equals("java")) {
          Source source = Source.of(block, n++);
          sources.put(source.file(), source);
        }
      }
    }
    assertThat(sources).as("java blocks in the README and docs/").isNotEmpty();

    List<String> errors = compile(sources, out);

    assertThat(errors).as("java blocks of the docs that do not compile").isEmpty();
  }

  @Test
  void theReadmeQuickStartRuns(@TempDir Path out) throws Exception {
    Block quickStart = readmeQuickStart();
    Source source = Source.of(quickStart, 0);
    assertThat(compile(Map.of(source.file(), source), out)).isEmpty();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass(source.className()).getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).as("what the quick start printed").isNotBlank();
  }

  /**
   * The quick start a newcomer pastes is the one the consumer check compiles and runs in a project
   * that only imports the BOM.
   */
  @Test
  void theReadmeQuickStartIsTheOneTheConsumerCheckRuns() throws IOException {
    Path consumer = RepositoryDocs.root()
        .resolve("udm-consumer-check/src/it/bom-consumer/src/main/java/example/QuickStart.java");

    assertThat(readmeQuickStart().text()).isEqualTo(Files.readString(consumer));
  }

  private static Block readmeQuickStart() {
    return RepositoryDocs.blocks(RepositoryDocs.root().resolve("README.md")).stream()
        .filter(b -> b.language().equals("java")).findFirst()
        .orElseThrow(() -> new AssertionError("the README has no java block"));
  }

  private static List<String> compile(Map<JavaFileObject, Source> sources, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
          "-proc:none", "-Xlint:none", "--release", "17");
      javac.getTask(null, files, diagnostics, options, null, sources.keySet()).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        Source source = sources.get(d.getSource());
        String where = source == null ? "?" : source.where(d.getLineNumber());
        errors.add(where + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }

  /** The Java source made of one block, and how its lines map back to the document. */
  private record Source(Block block, JavaFileObject file, String className, int linesBefore) {
    static Source of(Block block, int index) {
      String text = block.text();
      if (UNIT.matcher(text).find()) {
        Matcher pkg = PACKAGE.matcher(text);
        Matcher type = TYPE.matcher(text);
        String simple = type.find() ? type.group(1) : "Block" + index;
        String name = (pkg.find() ? pkg.group(1) + "." : "") + simple;
        return new Source(block, file(name, text), name, 0);
      }
      String pkg = "docs.block" + index;
      StringBuilder wrapped = new StringBuilder("package " + pkg + ";\n");
      FRAGMENT_IMPORTS.forEach(i -> wrapped.append("import ").append(i).append(";\n"));
      wrapped.append("@SuppressWarnings(\"unused\")\nclass Fragment {\n  void run(").append(FRAGMENT_PARAMETERS)
          .append(") throws Exception {\n");
      int before = (int) wrapped.chars().filter(c -> c == '\n').count();
      wrapped.append(text).append("  }\n}\n");
      return new Source(block, file(pkg + ".Fragment", wrapped.toString()), pkg + ".Fragment", before);
    }

    private static JavaFileObject file(String className, String code) {
      URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
      return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return code;
        }
      };
    }

    /** The document line of a line of the generated source. */
    String where(long sourceLine) {
      long docLine = block.line() + (sourceLine - linesBefore);
      return RepositoryDocs.root().relativize(block.document()) + ":" + docLine;
    }
  }
}
