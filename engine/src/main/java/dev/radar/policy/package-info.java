/**
 * The Drools rule base: loading the built-in and user DRL files, compiling them once per process into a
 * shared KieBase, reading rule metadata, and running one session per repository. No Drools type leaves
 * this package.
 */
package dev.radar.policy;
