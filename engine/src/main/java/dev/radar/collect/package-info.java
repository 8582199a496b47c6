/**
 * Collectors: one class per kind of file, each turning a repository's build and config files into
 * facts of {@link dev.radar.model}. Collectors never judge; files they cannot read become
 * {@link dev.radar.model.FileProblem}s and the rest of the repository is still collected.
 */
package dev.radar.collect;
