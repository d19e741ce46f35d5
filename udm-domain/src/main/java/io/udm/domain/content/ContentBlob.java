package io.udm.domain.content;

/** Decoded bytes of one base64 property, to be uploaded to the content bucket under {@code key}. */
public record ContentBlob(String path, String key, String sha256, String contentType, byte[] bytes) {
  public ContentBlob {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public long size() {
    return bytes.length;
  }
}
