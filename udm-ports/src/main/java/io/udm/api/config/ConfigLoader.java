package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.error.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads a config: read the file, substitute {@code ${ENV_VAR}}s, bind the tree, validate. Problems
 * of all three later stages end up in one {@link ValidationException}; a semantic problem that
 * merely follows from a structural one (a stand-in value, say) is left out.
 */
final class ConfigLoader {
  private ConfigLoader() {}

  static UdmConfig load(Path file, Function<String, String> env) {
    Objects.requireNonNull(env, "env");
    return fromTree(ConfigFiles.read(file), env);
  }

  static UdmConfig fromTree(JsonNode tree, Function<String, String> env) {
    EnvSubstitution.Result substituted = EnvSubstitution.apply(tree, env);
    ConfigBinder.Result bound = ConfigBinder.bind(substituted.tree(), substituted.substitutedPaths());
    List<Problem> structural = new ArrayList<>(substituted.problems());
    structural.addAll(bound.problems());
    List<Problem> all = new ArrayList<>(structural);
    try {
      UdmConfig config = bound.builder().build();
      if (structural.isEmpty()) {
        return config;
      }
    } catch (InvalidConfigException e) {
      e.details().stream().filter(p -> !p.followsFromAny(structural)).forEach(all::add);
    }
    throw new ValidationException(Problem.render(all));
  }
}
