/** UDM configuration: immutable values, built with {@code X.builder()} or loaded with {@link io.udm.api.config.UdmConfig#load}. */
@UdmStyle
package io.udm.api.config;

import io.udm.api.UdmStyle;
