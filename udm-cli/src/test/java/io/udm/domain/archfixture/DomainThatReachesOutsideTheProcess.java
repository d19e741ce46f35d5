package io.udm.domain.archfixture;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.net.ssl.SSLContext;

/** Violates: the domain's JDK is an allowlist without files, the network, TLS or javax.crypto. */
public class DomainThatReachesOutsideTheProcess {
  public byte[] read(File file) throws IOException {
    try (FileInputStream in = new FileInputStream(file)) {
      return in.readAllBytes();
    }
  }

  public String readAll(File file) throws IOException {
    return Files.readString(file.toPath());
  }

  public String host(String url) {
    return URI.create(url).getHost();
  }

  public Object tlsAndMac() throws GeneralSecurityException {
    return SSLContext.getDefault() + " " + Mac.getInstance("HmacSHA256");
  }
}
