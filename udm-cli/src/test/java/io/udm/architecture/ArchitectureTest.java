package io.udm.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every dependency rule, on the production classes of all modules: udm-cli's test classpath is the
 * one that holds every module.
 */
@AnalyzeClasses(packages = "io.udm", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule ports_use_only_the_jdk_jackson_vavr_and_immutables =
      ArchitectureRules.ports_use_only_the_jdk_jackson_vavr_and_immutables;

  @ArchTest
  static final ArchRule only_collection_schema_touches_the_schema_validator =
      ArchitectureRules.only_collection_schema_touches_the_schema_validator;

  @ArchTest
  static final ArchRule domain_uses_only_ports_pure_libraries_and_an_allowlist_of_the_jdk =
      ArchitectureRules.domain_uses_only_ports_pure_libraries_and_an_allowlist_of_the_jdk;

  @ArchTest
  static final ArchRule app_uses_only_domain_ports_and_pure_libraries =
      ArchitectureRules.app_uses_only_domain_ports_and_pure_libraries;

  @ArchTest
  static final ArchRule memory_adapter_uses_only_ports_and_javax_crypto =
      ArchitectureRules.memory_adapter_uses_only_ports_and_javax_crypto;

  @ArchTest
  static final ArchRule mongo_adapter_uses_only_ports_and_the_mongo_driver =
      ArchitectureRules.mongo_adapter_uses_only_ports_and_the_mongo_driver;

  @ArchTest
  static final ArchRule s3_adapter_uses_only_ports_the_aws_sdk_and_javax_net =
      ArchitectureRules.s3_adapter_uses_only_ports_the_aws_sdk_and_javax_net;

  @ArchTest
  static final ArchRule only_bootstrap_and_the_mongo_adapter_touch_the_mongo_driver =
      ArchitectureRules.only_bootstrap_and_the_mongo_adapter_touch_the_mongo_driver;

  @ArchTest
  static final ArchRule only_bootstrap_and_the_s3_adapter_touch_the_aws_sdk =
      ArchitectureRules.only_bootstrap_and_the_s3_adapter_touch_the_aws_sdk;

  @ArchTest
  static final ArchRule http_adapter_uses_only_the_public_api_jackson_and_its_server =
      ArchitectureRules.http_adapter_uses_only_the_public_api_jackson_and_its_server;

  @ArchTest
  static final ArchRule app_wiring_uses_only_the_app_and_dagger = ArchitectureRules.app_wiring_uses_only_the_app_and_dagger;

  @ArchTest
  static final ArchRule only_bootstrap_and_the_app_wiring_touch_dagger =
      ArchitectureRules.only_bootstrap_and_the_app_wiring_touch_dagger;

  @ArchTest
  static final ArchRule library_modules_never_use_the_cli_or_the_embedded_servers =
      ArchitectureRules.library_modules_never_use_the_cli_or_the_embedded_servers;

  @ArchTest
  static final ArchRule domain_and_app_never_read_the_wall_clock_or_make_randomness =
      ArchitectureRules.domain_and_app_never_read_the_wall_clock_or_make_randomness;

  @ArchTest
  static final ArchRule domain_and_app_never_read_the_system_timers =
      ArchitectureRules.domain_and_app_never_read_the_system_timers;

  @ArchTest
  static final ArchRule packages_are_free_of_cycles = ArchitectureRules.packages_are_free_of_cycles;

  @ArchTest
  static final ArchRule app_feature_packages_are_free_of_cycles =
      ArchitectureRules.app_feature_packages_are_free_of_cycles;

  @ArchTest
  static final ArchRule app_feature_packages_never_use_the_facade_package =
      ArchitectureRules.app_feature_packages_never_use_the_facade_package;

  @ArchTest
  static final ArchRule adapters_are_named_for_their_technology_and_thing =
      ArchitectureRules.adapters_are_named_for_their_technology_and_thing;
}
