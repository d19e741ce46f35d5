package io.udm.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.udm.adapter.memory.archfixture.BadlyNamedSequences;
import io.udm.adapter.memory.archfixture.MemoryAdapterThatOpensTls;
import io.udm.adapter.memory.archfixture.MemoryAdapterThatUsesTheDomain;
import io.udm.adapter.mongo.archfixture.MongoAdapterThatUsesS3;
import io.udm.adapter.s3.archfixture.S3AdapterThatSignsWithJavaxCrypto;
import io.udm.adapter.s3.archfixture.S3AdapterThatUsesTheApp;
import io.udm.api.archfixture.PortThatUsesMongo;
import io.udm.app.archfixture.AppThatInjects;
import io.udm.app.archfixture.AppThatMakesItsOwnIds;
import io.udm.app.archfixture.AppThatSignsWithJavaxCrypto;
import io.udm.app.archfixture.AppThatUsesAnAdapter;
import io.udm.app.archfixture.FeatureThatUsesTheFacade;
import io.udm.app.cyclefixturea.FeatureA;
import io.udm.app.cyclefixtureb.FeatureB;
import io.udm.app.wiring.WiringThatNamesAnAdapter;
import io.udm.archfixture.cycle.a.A;
import io.udm.archfixture.cycle.b.B;
import io.udm.bootstrap.archfixture.FactoryThatStartsEmbeddedServers;
import io.udm.domain.archfixture.DomainThatReachesOutsideTheProcess;
import io.udm.domain.archfixture.DomainThatReadsTheWallClock;
import io.udm.domain.archfixture.DomainThatTimesItself;
import io.udm.domain.archfixture.DomainThatUsesDagger;
import io.udm.http.archfixture.HttpAdapterThatUsesTheSpiAndTheApp;
import org.junit.jupiter.api.Test;

/** Each rule fails on a fixture that breaks it: a rule that cannot fail is no rule. */
class ArchitectureRulesCanFailTest {
  private static void assertViolation(ArchRule rule, Class<?> fixture, Class<?>... more) {
    Class<?>[] all = new Class<?>[more.length + 1];
    all[0] = fixture;
    System.arraycopy(more, 0, all, 1, more.length);
    JavaClasses classes = new ClassFileImporter().importClasses(all);
    assertThatThrownBy(() -> rule.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(fixture.getName());
  }

  @Test
  void portsRuleCatchesAPortUsingMongo() {
    assertViolation(ArchitectureRules.ports_use_only_the_jdk_jackson_vavr_and_immutables, PortThatUsesMongo.class);
  }

  @Test
  void schemaValidatorRuleCatchesAnotherClassUsingIt() {
    assertViolation(ArchitectureRules.only_collection_schema_touches_the_schema_validator,
        io.udm.domain.archfixture.DomainThatUsesTheSchemaValidator.class);
  }

  @Test
  void domainRuleCatchesTheDomainUsingDagger() {
    assertViolation(ArchitectureRules.domain_uses_only_ports_pure_libraries_and_an_allowlist_of_the_jdk,
        DomainThatUsesDagger.class);
  }

  @Test
  void domainRuleCatchesTheDomainUsingFilesTheNetworkAndJavaxOutsideItsJdkAllowlist() {
    JavaClasses classes = new ClassFileImporter().importClasses(DomainThatReachesOutsideTheProcess.class);
    assertThatThrownBy(
        () -> ArchitectureRules.domain_uses_only_ports_pure_libraries_and_an_allowlist_of_the_jdk.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("<java.io.File>")
        .hasMessageContaining("<java.io.FileInputStream.<init>")
        .hasMessageContaining("<java.nio.file.Files.readString")
        .hasMessageContaining("<java.net.URI.create")
        .hasMessageContaining("<javax.crypto.Mac.getInstance")
        .hasMessageContaining("<javax.net.ssl.SSLContext.getDefault");
  }

  @Test
  void httpRuleCatchesTheHttpServiceUsingTheSpiAndTheUseCases() {
    JavaClasses classes = new ClassFileImporter().importClasses(HttpAdapterThatUsesTheSpiAndTheApp.class);
    assertThatThrownBy(() -> ArchitectureRules.http_adapter_uses_only_the_public_api_jackson_and_its_server
        .check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("<io.udm.spi.VersionLog>")
        .hasMessageContaining("<io.udm.app.UdmService>");
  }

  @Test
  void appRuleCatchesTheAppUsingAnAdapter() {
    assertViolation(ArchitectureRules.app_uses_only_domain_ports_and_pure_libraries, AppThatUsesAnAdapter.class);
  }

  @Test
  void appRuleCatchesTheAppUsingJavaxCrypto() {
    assertViolation(ArchitectureRules.app_uses_only_domain_ports_and_pure_libraries, AppThatSignsWithJavaxCrypto.class);
  }

  @Test
  void memoryAdapterRuleCatchesAnAdapterUsingTheDomain() {
    assertViolation(ArchitectureRules.memory_adapter_uses_only_ports_and_javax_crypto,
        MemoryAdapterThatUsesTheDomain.class);
  }

  @Test
  void memoryAdapterRuleCatchesTheMemoryAdapterUsingJavaxNet() {
    assertViolation(ArchitectureRules.memory_adapter_uses_only_ports_and_javax_crypto, MemoryAdapterThatOpensTls.class);
  }

  @Test
  void mongoAdapterRuleCatchesTheMongoAdapterUsingS3() {
    assertViolation(ArchitectureRules.mongo_adapter_uses_only_ports_and_the_mongo_driver, MongoAdapterThatUsesS3.class);
  }

  @Test
  void s3AdapterRuleCatchesTheS3AdapterUsingTheApp() {
    assertViolation(ArchitectureRules.s3_adapter_uses_only_ports_the_aws_sdk_and_javax_net,
        S3AdapterThatUsesTheApp.class);
  }

  @Test
  void s3AdapterRuleCatchesTheS3AdapterUsingJavaxCrypto() {
    assertViolation(ArchitectureRules.s3_adapter_uses_only_ports_the_aws_sdk_and_javax_net,
        S3AdapterThatSignsWithJavaxCrypto.class);
  }

  @Test
  void mongoDriverRuleCatchesMongoOutsideItsAdapter() {
    assertViolation(ArchitectureRules.only_bootstrap_and_the_mongo_adapter_touch_the_mongo_driver, PortThatUsesMongo.class);
  }

  @Test
  void awsSdkRuleCatchesS3OutsideItsAdapter() {
    assertViolation(ArchitectureRules.only_bootstrap_and_the_s3_adapter_touch_the_aws_sdk, MongoAdapterThatUsesS3.class);
  }

  @Test
  void daggerRuleCatchesDaggerInTheDomain() {
    assertViolation(ArchitectureRules.only_bootstrap_and_the_app_wiring_touch_dagger, DomainThatUsesDagger.class);
  }

  @Test
  void daggerRuleCatchesInjectionInTheAppOutsideItsWiring() {
    assertViolation(ArchitectureRules.only_bootstrap_and_the_app_wiring_touch_dagger, AppThatInjects.class);
    assertViolation(ArchitectureRules.app_uses_only_domain_ports_and_pure_libraries, AppThatInjects.class);
  }

  @Test
  void wiringRuleCatchesTheAppWiringNamingAnAdapter() {
    assertViolation(ArchitectureRules.app_wiring_uses_only_the_app_and_dagger, WiringThatNamesAnAdapter.class);
  }

  @Test
  void libraryRuleCatchesALibraryModuleStartingEmbeddedServers() {
    assertViolation(ArchitectureRules.library_modules_never_use_the_cli_or_the_embedded_servers,
        FactoryThatStartsEmbeddedServers.class);
  }

  @Test
  void wallClockRuleCatchesInstantNowInTheDomain() {
    assertViolation(ArchitectureRules.domain_and_app_never_read_the_wall_clock_or_make_randomness,
        DomainThatReadsTheWallClock.class);
  }

  @Test
  void wallClockRuleCatchesRandomIdsInTheApp() {
    JavaClasses classes = new ClassFileImporter().importClasses(AppThatMakesItsOwnIds.class);
    assertThatThrownBy(() -> ArchitectureRules.domain_and_app_never_read_the_wall_clock_or_make_randomness.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UUID.randomUUID()")
        .hasMessageContaining("Random.<init>()");
  }

  @Test
  void systemTimersRuleCatchesNanoTimeInTheDomainAndMillisInTheApp() {
    JavaClasses classes =
        new ClassFileImporter().importClasses(DomainThatTimesItself.class, AppThatMakesItsOwnIds.class);
    assertThatThrownBy(() -> ArchitectureRules.domain_and_app_never_read_the_system_timers.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("DomainThatTimesItself.elapsedNanos(long)> calls method <java.lang.System.nanoTime()>")
        .hasMessageContaining("AppThatMakesItsOwnIds.id()> calls method <java.lang.System.currentTimeMillis()>");
  }

  @Test
  void cycleRuleCatchesTwoPackagesUsingEachOther() {
    JavaClasses classes = new ClassFileImporter().importClasses(A.class, B.class);
    assertThatThrownBy(() -> ArchitectureRules.packages_are_free_of_cycles.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
  }

  @Test
  void appCycleRuleCatchesTwoFeaturePackagesUsingEachOther() {
    JavaClasses classes = new ClassFileImporter().importClasses(FeatureA.class, FeatureB.class);
    assertThatThrownBy(() -> ArchitectureRules.app_feature_packages_are_free_of_cycles.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected: Slice cyclefixturea")
        .hasMessageContaining("Dependencies of Slice cyclefixtureb");
  }

  @Test
  void facadeRuleCatchesAFeaturePackageUsingTheFacade() {
    assertViolation(ArchitectureRules.app_feature_packages_never_use_the_facade_package,
        FeatureThatUsesTheFacade.class);
  }

  @Test
  void namingRuleCatchesAPortImplementationWithoutTheAdapterSuffix() {
    assertViolation(ArchitectureRules.adapters_are_named_for_their_technology_and_thing, BadlyNamedSequences.class);
  }
}
