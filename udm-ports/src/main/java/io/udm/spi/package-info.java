/**
 * Driven ports: the small capabilities UDM needs from storage and the environment. Adapters
 * implement them; outcomes such as a conflict are values, and no driver type crosses a port.
 * Failures of the store itself surface as {@link io.udm.api.error.StorageException}.
 */
package io.udm.spi;
