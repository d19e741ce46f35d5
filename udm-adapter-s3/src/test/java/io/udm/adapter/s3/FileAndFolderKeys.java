package io.udm.adapter.s3;

import java.io.InputStream;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lets one key also be the "folder" of others ({@code b} and {@code b/1}), as in S3, on S3Proxy's
 * local stores. Those keep each object as a file named by its key, so {@code b} (a file) and {@code
 * b/1} (a file in a directory {@code b}) cannot both exist: the second PUT fails with HTTP 500
 * (DirectoryNotEmptyException) or similar.
 *
 * <p>This wrapper stores key {@code k} as {@code k + TAB}: the object's own file then never has the
 * name of a directory. The mapping keeps S3's key order (a listing sorts the stored names, and a TAB
 * sorts before every character of the keys tests use: keys holding characters below U+0009 would
 * list out of order) and is undone in every listing, so clients never see it. Multipart uploads are
 * refused: UDM does not use them, and their keys travel in objects this wrapper cannot rewrite.
 */
final class FileAndFolderKeys extends ForwardingBlobStore {
  private static final String SUFFIX = "\t";

  FileAndFolderKeys(BlobStore delegate) {
    super(delegate);
  }

  static String stored(String key) {
    return key == null ? null : key + SUFFIX;
  }

  static String original(String storedKey) {
    return storedKey != null && storedKey.endsWith(SUFFIX)
        ? storedKey.substring(0, storedKey.length() - SUFFIX.length())
        : storedKey;
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
    return super.putBlob(request.toBuilder().key(stored(request.key())).build(), input);
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    return super.copyBlob(request.toBuilder()
        .sourceKey(stored(request.sourceKey()))
        .destinationKey(stored(request.destinationKey()))
        .build());
  }

  @Override
  public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
    return super.blobMetadata(request.toBuilder().key(stored(request.key())).build());
  }

  @Override
  public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
    return super.getBlob(request.toBuilder().key(stored(request.key())).build());
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    return super.removeBlob(request.toBuilder().key(stored(request.key())).build());
  }

  @Override
  public boolean blobExists(String container, String name) {
    return super.blobExists(container, stored(name));
  }

  @Override
  public ObjectCannedACL getBlobAccess(String container, String name) {
    return super.getBlobAccess(container, stored(name));
  }

  @Override
  public ObjectCannedACL getBlobAccess(String container, String name, String versionId) {
    return super.getBlobAccess(container, stored(name), versionId);
  }

  @Override
  public GetObjectAclResponse getBlobAcl(GetObjectAclRequest request) {
    return super.getBlobAcl(request.toBuilder().key(stored(request.key())).build());
  }

  @Override
  public void setBlobAccess(String container, String name, ObjectCannedACL access) {
    super.setBlobAccess(container, stored(name), access);
  }

  @Override
  public void setBlobAccess(String container, String name, ObjectCannedACL access, String versionId) {
    super.setBlobAccess(container, stored(name), access, versionId);
  }

  /**
   * Positions (start after, continuation token: the last stored name listed) map like keys; a
   * prefix needs no mapping, as {@code k + TAB} starts with it exactly when {@code k} does.
   */
  @Override
  public ListObjectsV2Response list(ListObjectsV2Request request) {
    ListObjectsV2Response response = super.list(request.toBuilder()
        .startAfter(stored(request.startAfter()))
        .continuationToken(stored(request.continuationToken()))
        .build());
    List<S3Object> contents = response.contents().stream()
        .map(object -> object.toBuilder().key(original(object.key())).build())
        .toList();
    return response.toBuilder()
        .contents(contents)
        .nextContinuationToken(original(response.nextContinuationToken()))
        .startAfter(original(response.startAfter()))
        .continuationToken(original(response.continuationToken()))
        .build();
  }

  @Override
  public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
    throw new UnsupportedOperationException("multipart uploads are not supported by this test server");
  }
}
