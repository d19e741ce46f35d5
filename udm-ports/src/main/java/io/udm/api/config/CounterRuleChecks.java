package io.udm.api.config;

import io.udm.api.MetaQuery;
import io.udm.api.Names;
import io.udm.api.Op;
import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for counter rules: unique, well-formed names; at least one operation; a predicate that
 * parses; and for {@code meta} scope, a predicate that reads only indexed properties, since meta
 * holds nothing else.
 */
final class CounterRuleChecks {
  /** Rule names become field names of counter documents: no dots, no {@code $}. */
  private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, CollectionMap> collectionMaps;

  private CounterRuleChecks(Map<String, CollectionMap> collectionMaps) {
    this.collectionMaps = collectionMaps;
  }

  static List<Problem> problems(List<CounterRule> rules, Map<String, CollectionMap> collectionMaps) {
    CounterRuleChecks checks = new CounterRuleChecks(collectionMaps);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      checks.rule(ConfigPath.index("counterRules.rules", i), rules.get(i), names);
    }
    return checks.problems;
  }

  private void rule(String path, CounterRule rule, Set<String> names) {
    String name = rule.name();
    if (!RULE_NAME.matcher(name).matches()) {
      add(path + ".name", Names.show(name) + " is not a valid rule name; use 1-64 of A-Z a-z 0-9 _ -,"
          + " starting with a letter or digit (it becomes a counter's field name)");
    } else if (!names.add(name)) {
      add(path + ".name", "'" + name + "' is already the name of an earlier rule; give each rule its own name");
    }
    operations(path + ".on", rule.on());
    collections(path + ".collections", rule.collections());
    predicate(path + ".when", rule).ifPresent(query -> {
      if (rule.scope() == RuleScope.META) {
        metaFieldsIndexed(path, query.fields(), rule.collections());
      }
    });
  }

  private void operations(String path, List<Op> on) {
    if (on.isEmpty()) {
      problems.add(Problem.at(path, "lists no operation; count at least one of CREATE, UPDATE, DELETE, ENRICH, RESTORE")
          .dependingOn(path));
    }
    Set<Op> seen = new HashSet<>();
    for (Op op : on) {
      if (!seen.add(op)) {
        add(path, "lists " + op + " twice; list each operation once");
      }
    }
  }

  private void collections(String path, List<String> collections) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < collections.size(); i++) {
      String collection = collections.get(i);
      Optional<String> problem = Names.collectionProblem(collection);
      if (problem.isPresent()) {
        add(ConfigPath.index(path, i), problem.get());
      } else if (!seen.add(collection)) {
        add(ConfigPath.index(path, i), "'" + collection + "' is listed twice; list each collection once");
      }
    }
  }

  private Optional<MetaQuery> predicate(String path, CounterRule rule) {
    try {
      return Optional.of(MetaQuery.fromTree(rule.when()));
    } catch (ValidationException e) {
      e.problems().forEach(p -> add(path, p));
      return Optional.empty();
    }
  }

  /** Meta holds only indexed properties: a meta rule reading anything else would never match. */
  private void metaFieldsIndexed(String path, Set<String> fields, List<String> collections) {
    String alternative = "; or set scope: payload to match on the whole document";
    for (String field : fields) {
      if (collections.isEmpty()) {
        boolean indexedSomewhere = collectionMaps.values().stream().anyMatch(m -> m.indexedProps().contains(field));
        if (!indexedSomewhere) {
          problems.add(Problem.at(path + ".when", "reads '" + field + "', which no collection map indexes;"
              + " add it to collectionMaps.<collection>.indexedProps" + alternative).dependingOn("collectionMaps"));
        }
        continue;
      }
      for (String collection : collections) {
        if (Names.collectionProblem(collection).isPresent()) {
          continue; // reported as an invalid name already
        }
        CollectionMap map = collectionMaps.get(collection);
        if (map == null || !map.indexedProps().contains(field)) {
          String indexedPath = ConfigPath.field("collectionMaps", collection) + ".indexedProps";
          problems.add(Problem.at(path + ".when", "reads '" + field + "', which collection '" + collection
              + "' does not index; add it to " + indexedPath + alternative).dependingOn("collectionMaps"));
        }
      }
    }
  }

  private void add(String path, String message) {
    problems.add(Problem.at(path, message));
  }
}
