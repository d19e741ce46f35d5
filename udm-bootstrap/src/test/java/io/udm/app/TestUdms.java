package io.udm.app;

import dagger.BindsInstance;
import dagger.Component;
import io.udm.api.Udm;
import io.udm.app.effects.EffectsSweeper;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.wiring.UseCaseModule;
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
    return DaggerTestUdms_GivenPortsComponent.factory().create(config, ports, clock, ids).udm();
  }

  /** A Udm and its after-commit sweeper, for tests that sweep at a moment they choose. */
  public record Opened(Udm udm, EffectsSweeper sweeper) {}

  public static Opened openWithSweeper(UdmConfig config, StoragePorts ports, Clock clock, IdGenerator ids) {
    GivenPortsComponent component = DaggerTestUdms_GivenPortsComponent.factory().create(config, ports, clock, ids);
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
