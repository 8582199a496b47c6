/**
 * Exceptions to standards: loading {@code exceptions.yaml} (the organisation's central file and a repository's
 * own {@code .radar/exceptions.yaml}) into {@link dev.radar.model.ExceptionGrant} facts, and reviewing them on
 * their own. Whether an exception is valid, expired or stale is decided by the rule base in
 * {@code policies/exceptions/}, never here.
 */
package dev.radar.exceptions;
