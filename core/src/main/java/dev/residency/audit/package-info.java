/**
 * The compliance audit: what violates a residency policy, by jurisdiction, category and data center,
 * and what is blocked. Everything here is non-null by default.
 */
package dev.residency.audit;
