/**
 * The object-storage port ({@link io.udm.spi.BlobStore}, {@link io.udm.spi.HealthProbe}) on the
 * AWS SDK v2 sync client. {@link io.udm.adapter.s3.S3Storage} builds the clients for one
 * {@code spacesConns} entry; every SDK failure leaves this package as a credential-free
 * {@link io.udm.api.error.StorageException}.
 */
package io.udm.adapter.s3;
