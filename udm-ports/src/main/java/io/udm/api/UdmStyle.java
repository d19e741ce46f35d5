package io.udm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.udm.api.error.ValidationException;
import org.immutables.value.Value;

/**
 * The one Immutables style of UDM's values: plain accessor names ({@code isX()} maps to builder
 * method {@code x(..)}), JDK collections, and builders reached through {@code X.builder()}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    get = {"is*", "get*"},
    init = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true,
    validationMethod = Value.Style.ValidationMethod.SIMPLE,
    // A missing or null attribute is bad input like any other: a typed error, not an IllegalStateException.
    throwForInvalidImmutableState = ValidationException.class,
    throwForNullPointer = ValidationException.class)
public @interface UdmStyle {}
