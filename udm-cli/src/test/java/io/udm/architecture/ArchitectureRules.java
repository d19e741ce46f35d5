package io.udm.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of ARCHITECTURE.md as ArchUnit rules. {@link ArchitectureTest} checks them
 * on the production classes; {@link ArchitectureRulesCanFailTest} proves each one fails on a
 * violating fixture, so none passes vacuously.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The libraries besides the JDK that every layer may use. */
  static final String[] PURE_LIBRARIES = {"com.fasterxml.jackson..", "io.vavr..", "org.immutables.."};

  /** Those and all of java..; javax.net and javax.crypto go only to the adapters that need them. */
  static final String[] LIBRARIES = with(new String[] {"java.."}, PURE_LIBRARIES);

  /** The JDK the domain may use: in-process logic only, no java.io files, java.nio.file or java.net. */
  static final String[] DOMAIN_JDK = {
      "java.lang..", "java.util..", "java.time..", "java.math..", "java.nio.charset..", "java.security.."};

  /** Pure libraries only the domain needs: zjsonpatch applies RFC 6902 patches in memory. */
  static final String[] DOMAIN_LIBRARIES = {"com.flipkart.zjsonpatch.."};

  /** The use cases' own Dagger modules: the one package of udm-app that may use Dagger. */
  static final String APP_WIRING = "io.udm.app.wiring";

  /** Dagger and the injection annotations it reads. */
  static final String[] INJECTION = {"dagger..", "javax.inject..", "jakarta.inject.."};

  /** Libraries only the use cases need: Caffeine holds the payload cache (io.udm.app.optimizer). */
  static final String[] APP_LIBRARIES = {"com.github.benmanes.caffeine.."};

  static final ArchRule ports_use_only_the_jdk_jackson_vavr_and_immutables = classes()
      .that().resideInAnyPackage("io.udm.api..", "io.udm.spi..")
      .should().onlyDependOnClassesThat(resideInAnyPackage(with(LIBRARIES, "io.udm.api..", "io.udm.spi.."))
          .or(belongToAnyOf(io.micrometer.core.instrument.MeterRegistry.class))
          .or(resideInAnyPackage("com.networknt.schema..")))
      .because("the ports are the contract every module shares; they must not drag in drivers or frameworks (of"
          + " Micrometer, an optional dependency, only the MeterRegistry that UdmOptions carries; the JSON"
          + " Schema validator only behind CollectionSchema, which compiles a config's schemas)");

  static final ArchRule only_collection_schema_touches_the_schema_validator = noClasses()
      .that().doNotBelongToAnyOf(io.udm.api.config.CollectionSchema.class)
      .should().dependOnClassesThat().resideInAPackage("com.networknt..")
      .because("the validator is an implementation detail of collection schemas: its types never cross a port,"
          + " so it can be replaced without touching the domain or the use cases");

  static final ArchRule domain_uses_only_ports_pure_libraries_and_an_allowlist_of_the_jdk = classes()
      .that().resideInAPackage("io.udm.domain..")
      .should().onlyDependOnClassesThat(
          resideInAnyPackage(with(with(with(DOMAIN_JDK, PURE_LIBRARIES), DOMAIN_LIBRARIES), "io.udm.api..",
              "io.udm.spi..", "io.udm.domain.."))
              .or(belongToAnyOf(java.io.IOException.class, java.io.OutputStream.class, java.nio.ByteBuffer.class)))
      .because("the domain is pure logic: no Mongo, AWS, Dagger, adapters or use cases, and no files, network or"
          + " TLS; of java.io and java.nio only what in-memory work needs: Jackson writes to an OutputStream and"
          + " throws IOException (DocumentRules counts an item's bytes that way), a CharsetDecoder reads a ByteBuffer");

  static final ArchRule app_uses_only_domain_ports_and_pure_libraries = classes()
      .that().resideInAPackage("io.udm.app..").and().resideOutsideOfPackage(APP_WIRING)
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage(with(with(LIBRARIES, APP_LIBRARIES), "io.udm.api..", "io.udm.spi..", "io.udm.domain..",
          "io.udm.app.."))
      .because("use cases work on ports; only bootstrap knows concrete adapters");

  static final ArchRule app_wiring_uses_only_the_app_and_dagger = classes()
      .that().resideInAPackage(APP_WIRING)
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage(with(with(with(LIBRARIES, APP_LIBRARIES), INJECTION), "io.udm.api..", "io.udm.spi..",
          "io.udm.domain..", "io.udm.app.."))
      .because("the use cases' Dagger modules assemble the use cases from ports; a storage module (bootstrap, or"
          + " a test) supplies the ports, so the wiring never names an adapter");

  // Each adapter gets the javax packages it needs: HMAC presigning in memory, TLS failures in S3.
  static final ArchRule memory_adapter_uses_only_ports_and_javax_crypto =
      adapterRule("io.udm.adapter.memory..", "javax.crypto..");

  static final ArchRule mongo_adapter_uses_only_ports_and_the_mongo_driver =
      adapterRule("io.udm.adapter.mongo..", "com.mongodb..", "org.bson..");

  static final ArchRule s3_adapter_uses_only_ports_the_aws_sdk_and_javax_net =
      adapterRule("io.udm.adapter.s3..", "software.amazon..", "javax.net..");

  /** The JDK parts the HTTP service needs: files only for its TLS key store, no other sockets than its server's. */
  static final String[] HTTP_JDK = {"java.lang..", "java.util..", "java.time..", "java.io..", "java.nio.charset..",
      "java.nio", "java.nio.file..", "java.net..", "java.security..", "javax.net.ssl.."};

  static final ArchRule http_adapter_uses_only_the_public_api_jackson_and_its_server = classes()
      .that().resideInAPackage("io.udm.http..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(with(HTTP_JDK, "io.udm.api..", "io.udm.http..",
          "com.fasterxml.jackson..", "org.slf4j..", "io.undertow..", "org.xnio.."))
      .because("the HTTP service is a driving adapter: it calls io.udm.api like any user, never the SPI, the"
          + " domain, the use cases or a driven adapter, and needs no server library besides Undertow");

  static final ArchRule only_bootstrap_and_the_mongo_adapter_touch_the_mongo_driver = noClasses()
      .that().resideOutsideOfPackages("io.udm.adapter.mongo..", "io.udm.bootstrap..")
      .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
      .because("MongoDB types never cross a port");

  static final ArchRule only_bootstrap_and_the_s3_adapter_touch_the_aws_sdk = noClasses()
      .that().resideOutsideOfPackages("io.udm.adapter.s3..", "io.udm.bootstrap..")
      .should().dependOnClassesThat().resideInAPackage("software.amazon..")
      .because("AWS SDK types never cross a port");

  static final ArchRule only_bootstrap_and_the_app_wiring_touch_dagger = noClasses()
      .that().resideOutsideOfPackages("io.udm.bootstrap..", APP_WIRING)
      .should().dependOnClassesThat().resideInAnyPackage(INJECTION)
      .because("wiring lives in Dagger modules (the use cases' in io.udm.app.wiring, the storage modules and"
          + " components in bootstrap); services and adapters have plain constructors");

  static final ArchRule library_modules_never_use_the_cli_or_the_embedded_servers = noClasses()
      .that().resideOutsideOfPackages("io.udm.cli..", "io.udm.embedded..")
      .should().dependOnClassesThat().resideInAnyPackage("io.udm.cli..", "io.udm.embedded..",
          "de.bwaldvogel..", "org.gaul..", "picocli..", "me.tongfei..")
      .because("what a library user depends on (udm-bootstrap and below, udm-http) brings no command line, no"
          + " progress bars and no embedded servers; those live in udm-cli and udm-embedded");

  static final ArchRule domain_and_app_never_read_the_wall_clock_or_make_randomness = noClasses()
      .that().resideInAnyPackage("io.udm.domain..", "io.udm.app..")
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(java.time.LocalDateTime.class, "now")
      .orShould().callMethod(java.time.OffsetDateTime.class, "now")
      .orShould().callMethod(java.time.ZonedDateTime.class, "now")
      .orShould().callMethod(java.time.Clock.class, "systemUTC")
      .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
      .orShould().callMethod(java.util.UUID.class, "randomUUID")
      .orShould().callConstructor(java.util.Random.class)
      .orShould().callConstructor(java.security.SecureRandom.class)
      .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.ThreadLocalRandom.class)
      .because("time and ids come from the injected Clock and IdGenerator, so behaviour is reproducible");

  static final ArchRule domain_and_app_never_read_the_system_timers = noClasses()
      .that().resideInAnyPackage("io.udm.domain..", "io.udm.app..")
      .should().callMethod(System.class, "nanoTime")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("durations and timestamps come from the injected Clock or ticker, so tests control them");

  static final ArchRule packages_are_free_of_cycles = slices()
      .matching("io.udm.(**)")
      .should().beFreeOfCycles()
      .because("cycles make modules impossible to change one at a time");

  static final ArchRule app_feature_packages_are_free_of_cycles = slices()
      .matching("io.udm.app.(*)..")
      .should().beFreeOfCycles()
      .because("each feature of the use cases (write, read, history, ...) must be changeable on its own");

  /**
   * The root package io.udm.app is in no slice above: this keeps it out of cycles with the features.
   * The wiring assembles the facade and nothing uses the wiring, so it makes no cycle.
   */
  static final ArchRule app_feature_packages_never_use_the_facade_package = noClasses()
      .that().resideInAPackage("io.udm.app..").and().resideOutsideOfPackages("io.udm.app", APP_WIRING)
      .should().dependOnClassesThat().resideInAPackage("io.udm.app")
      .because("the facade in io.udm.app builds on the feature packages, so a feature using it makes a cycle");

  static final ArchRule adapters_are_named_for_their_technology_and_thing = classes()
      .that().resideInAPackage("io.udm.adapter..")
      .and(implementAPort())
      .should().haveNameMatching(".*\\.(InMemory|Mongo|S3)[A-Za-z0-9]*Adapter")
      .because("adapters are named <Tech><Thing>Adapter, so a port's implementations are easy to find");

  private static ArchRule adapterRule(String adapterPackage, String... driverPackages) {
    String[] allowed = with(with(LIBRARIES, "io.udm.api..", "io.udm.spi..", adapterPackage), driverPackages);
    return classes()
        .that().resideInAPackage(adapterPackage)
        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
        .because("an adapter implements ports with its own driver; never the domain, use cases or another adapter");
  }

  private static DescribedPredicate<JavaClass> implementAPort() {
    return describe("implement a port of io.udm.spi",
        c -> !c.isInterface() && c.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().equals("io.udm.spi")));
  }

  private static String[] with(String[] base, String... more) {
    String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }
}
