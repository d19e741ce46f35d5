package io.udm.api.error;

/** Routing now picks a different backend than the one a collection was placed on. */
public class RouteMismatchException extends UdmException {
  public RouteMismatchException(String message) {
    super(message);
  }
}
