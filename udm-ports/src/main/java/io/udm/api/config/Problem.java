package io.udm.api.config;

import java.util.Collection;
import java.util.List;

/**
 * One thing wrong with a config, at a path. {@code dependsOn} names settings whose own problems
 * would make this one a mere consequence (for example "lists no operation" after every operation
 * name was rejected), so that the user sees the cause once instead of the cause and its echo.
 */
record Problem(String path, String message, List<String> dependsOn) {
  Problem {
    dependsOn = List.copyOf(dependsOn);
  }

  static Problem at(String path, String message) {
    return new Problem(path, message, List.of());
  }

  Problem dependingOn(String... paths) {
    return new Problem(path, message, List.of(paths));
  }

  String render() {
    return path.isEmpty() ? message : path + ": " + message;
  }

  /**
   * True when this (semantic) problem only follows from one of the earlier (structural) ones: it
   * sits at or beneath a path already reported, or one of its prerequisites had a problem.
   */
  boolean followsFromAny(Collection<Problem> earlier) {
    for (Problem cause : earlier) {
      if (ConfigPath.within(path, cause.path())) {
        return true;
      }
      for (String prerequisite : dependsOn) {
        if (ConfigPath.within(cause.path(), prerequisite)) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> render(Collection<Problem> problems) {
    return problems.stream().map(Problem::render).toList();
  }
}
