package io.udm.domain.archfixture;

/** Violates: the domain never touches Dagger (or any framework). */
@dagger.Module
public class DomainThatUsesDagger {}
