package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.error.ValidationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
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
    JsonNode tree = ConfigFiles.read(file);
    return fromTree(tree, env, file.toAbsolutePath().getParent());
  }

  /** {@code folder} (null: none) is where relative file paths in the config are read from. */
  private static UdmConfig fromTree(JsonNode tree, Function<String, String> env, Path folder) {
    EnvSubstitution.Result substituted = EnvSubstitution.apply(tree, env);
    List<Problem> structural = new ArrayList<>(substituted.problems());
    if (folder != null) {
      resolveKeyStore(substituted.tree(), folder);
      structural.addAll(SchemaFiles.inline(substituted.tree(), folder));
    }
    ConfigBinder.Result bound = ConfigBinder.bind(substituted.tree(), substituted.substitutedPaths());
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

  /** {@code http.tls.keyStore} relative to the config file's folder, so a config works from any directory. */
  private static void resolveKeyStore(JsonNode tree, Path folder) {
    JsonNode tls = tree.path("http").path("tls");
    JsonNode keyStore = tls.path("keyStore");
    if (tls instanceof ObjectNode object && keyStore.isTextual() && !keyStore.asText().isBlank()) {
      try {
        object.put("keyStore", folder.resolve(keyStore.asText()).normalize().toString());
      } catch (InvalidPathException e) {
        // Left as written: opening it reports the path.
      }
    }
  }
}
