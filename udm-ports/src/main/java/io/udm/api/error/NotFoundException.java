package io.udm.api.error;

/** The item, version or queued operation asked for does not exist (or was pruned or hard-deleted). */
public class NotFoundException extends UdmException {
  public NotFoundException(String message) {
    super(message);
  }
}
