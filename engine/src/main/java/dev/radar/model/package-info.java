/**
 * The fact model: immutable records and enums shared by collectors, the Drools rule base and
 * report writers. This package depends on nothing but the JDK; it is the Java/DRL contract.
 */
package dev.radar.model;
