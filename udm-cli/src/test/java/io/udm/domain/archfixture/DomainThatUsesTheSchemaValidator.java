package io.udm.domain.archfixture;

/** Violates: only CollectionSchema may use the JSON Schema validator. */
public class DomainThatUsesTheSchemaValidator {
  public com.networknt.schema.Schema schema;
}
