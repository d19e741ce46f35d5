package io.udm.bootstrap.wiring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A suite that runs on MongoDB replica sets and MinIO in Docker: only with {@code
 * -Dudm.containers=true}, and skipped (with the reason) without Docker. The flag is checked first,
 * so an unasked class is skipped without looking for Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = MongoS3Stores.CONTAINERS_FLAG, matches = "true",
    disabledReason = MongoS3Stores.CONTAINERS_NOT_ASKED)
@Testcontainers(disabledWithoutDocker = true)
public @interface OnContainers {}
