package io.udm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code udm --version}: the version Maven built this CLI as. */
final class BuildVersion implements IVersionProvider {
  static final String RESOURCE = "/io/udm/cli/udm-version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"udm " + version(), "Java " + System.getProperty("java.version")};
  }

  static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "(unknown: built without its version resource)";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "(unknown)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
