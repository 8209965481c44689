/**
 * Data centers, the links between them, and routing over the resulting graph. Everything here is
 * non-null by default.
 */
package dev.residency.topology;
