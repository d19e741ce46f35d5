package io.udm.api.error;

/** A configured base64 property could not be externalized (wrong type, invalid base64); nothing was written. */
public class ExternalizationException extends UdmException {
  public ExternalizationException(String message) {
    super(message);
  }
}
