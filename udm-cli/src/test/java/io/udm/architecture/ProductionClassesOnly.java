package io.udm.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Production classes only: besides this module's test classes, leaves out the tests jars of other
 * modules (contract suites, shared test fixtures), which may use test libraries freely.
 */
final class ProductionClassesOnly implements ImportOption {
  private static final ImportOption TEST_CLASS_DIRS = new ImportOption.DoNotIncludeTests();

  @Override
  public boolean includes(Location location) {
    return TEST_CLASS_DIRS.includes(location) && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
  }
}
