package io.udm.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user-facing documents of the repository (the README and everything under {@code docs/}),
 * found from the module the tests run in, and the fenced blocks and code spans in them.
 */
final class RepositoryDocs {
  private RepositoryDocs() {}

  /** The repository's root: the nearest folder above the working directory that holds the README. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no README.md with a docs/ folder above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** README.md and every Markdown file under docs/. */
  static List<Path> documents() {
    Path root = root();
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  /** A fenced block: its language, its text, and the line of the document it starts on (1-based, the fence). */
  record Block(Path document, int line, String language, String text) {
    String where() {
      return root().relativize(document) + ":" + line;
    }
  }

  static List<Block> blocks(Path document) {
    List<String> lines = read(document);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      String language = fence.substring(3).strip();
      StringBuilder text = new StringBuilder();
      int start = i;
      for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      blocks.add(new Block(document, start + 1, language, text.toString()));
    }
    return blocks;
  }

  /** The document's lines outside fenced blocks, each with its line number (1-based). */
  record Line(int number, String text) {}

  static List<Line> prose(Path document) {
    List<String> lines = read(document);
    List<Line> prose = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        prose.add(new Line(i + 1, lines.get(i)));
      }
    }
    return prose;
  }

  private static List<String> read(Path document) {
    try {
      return Files.readAllLines(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
