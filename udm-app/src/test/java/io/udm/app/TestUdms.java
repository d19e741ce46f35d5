package io.udm.app;

import dagger.BindsInstance;
import dagger.Component;
import io.udm.api.Udm;
import io.udm.api.config.AfterCommitConfig;
import io.udm.api.config.UdmConfig;
import io.udm.app.effects.EffectsSweeper;
import io.udm.app.wiring.UseCaseModule;
import io.udm.spi.IdGenerator;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * A {@link Udm} on ports a test chose (in-memory stores, spies, fault injectors), assembled by the
 * production wiring ({@link UseCaseModule}): tests never build the object graph by hand.
 */
public final class TestUdms {
  private TestUdms() {}

  public static Udm open(UdmConfig config, StoragePorts ports, Clock clock, IdGenerator ids) {
    return DaggerTestUdms_GivenPortsComponent.factory().create(withoutTimedSweeps(config), ports, clock, ids).udm();
  }

  /**
   * Tests sweep when they say so ({@link #openWithSweeper}), unless they configure an interval of
   * their own: a sweep on a timer would race their checks, and the many Udms crash tests leave
   * unclosed would each keep a sweeper thread.
   */
  private static UdmConfig withoutTimedSweeps(UdmConfig config) {
    if (config.afterCommit().sweepIntervalMs() != AfterCommitConfig.DEFAULT_SWEEP_INTERVAL_MS) {
      return config;
    }
    return UdmConfig.builder().from(config).afterCommit(AfterCommitConfig.builder().sweepIntervalMs(0).build()).build();
  }

  /** A Udm and its after-commit sweeper, for tests that sweep at a moment they choose. */
  public record Opened(Udm udm, EffectsSweeper sweeper) {}

  public static Opened openWithSweeper(UdmConfig config, StoragePorts ports, Clock clock, IdGenerator ids) {
    GivenPortsComponent component =
        DaggerTestUdms_GivenPortsComponent.factory().create(withoutTimedSweeps(config), ports, clock, ids);
    return new Opened(component.udm(), component.sweeper());
  }

  @Singleton
  @Component(modules = UseCaseModule.class)
  interface GivenPortsComponent {
    Udm udm();

    EffectsSweeper sweeper();

    @Component.Factory
    interface Factory {
      GivenPortsComponent create(@BindsInstance UdmConfig config, @BindsInstance StoragePorts ports,
          @BindsInstance Clock clock, @BindsInstance IdGenerator ids);
    }
  }
}
