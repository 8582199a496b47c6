package dev.radar.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The one Jackson factory for JSON files of a repository (package.json, lockfiles, Pipfile.lock, OpenAPI, CycloneDX),
 * with its limits set here rather than left to Jackson's defaults: a value past one is a finding naming the file.
 */
final class SafeJson {

    /** Deepest nesting of arrays and objects. */
    static final int MAX_DEPTH = 256;
    /** Longest string value or key, in characters. */
    static final int MAX_STRING_CHARS = 1024 * 1024;
    /** Longest number, in characters. */
    static final int MAX_NUMBER_CHARS = 100;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxDocumentLength(RepoTree.MAX_FILE_BYTES)
                    .build())
            .build();

    private SafeJson() {}
}
