package io.udm.api.config;

import io.udm.api.error.ValidationException;
import java.util.List;

/** The semantic problems of a config, kept structured so the loader can merge them with its own. */
final class InvalidConfigException extends ValidationException {
  private final transient List<Problem> details;

  InvalidConfigException(List<Problem> details) {
    super(Problem.render(details));
    this.details = List.copyOf(details);
  }

  List<Problem> details() {
    return details;
  }
}
