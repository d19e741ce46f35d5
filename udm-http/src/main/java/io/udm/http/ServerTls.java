package io.udm.http;

import io.udm.api.config.HttpTls;
import io.udm.api.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server's TLS context from {@code http.tls}: a PKCS#12 key store and its password. */
final class ServerTls {
  private ServerTls() {}

  /** Errors name the file and what to do, never the password. */
  static SSLContext context(HttpTls tls) {
    Path file = Path.of(tls.keyStore());
    char[] password = tls.keyStorePassword().toCharArray();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      if (!hasKey(store)) {
        throw problem(file, "holds no private key; put the server's key and certificate in it, e.g. keytool"
            + " -genkeypair -storetype PKCS12 -keystore " + file.getFileName());
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (NoSuchFileException e) {
      throw problem(file, "does not exist; give the path of a PKCS#12 key store (relative paths are read from"
          + " the config file's folder)");
    } catch (IOException e) {
      boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
          || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password");
      throw problem(file, wrongPassword ? "cannot be opened with http.tls.keyStorePassword; check the password"
          : "cannot be read as a PKCS#12 key store (" + e.getClass().getSimpleName() + "); make one with keytool"
          + " -storetype PKCS12");
    } catch (UnrecoverableKeyException e) {
      throw problem(file, "holds a key that http.tls.keyStorePassword does not open; use one password for the"
          + " store and its key");
    } catch (GeneralSecurityException e) {
      throw problem(file, "cannot serve TLS (" + e.getClass().getSimpleName() + "); make a PKCS#12 key store"
          + " with keytool -genkeypair -storetype PKCS12");
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
    for (String alias : java.util.Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        return true;
      }
    }
    return false;
  }

  private static ValidationException problem(Path file, String what) {
    return new ValidationException("http.tls.keyStore '" + file + "' " + what);
  }
}
