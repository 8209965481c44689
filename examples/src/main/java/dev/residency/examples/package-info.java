/**
 * Small programs that show how to embed Residency: model a fleet, audit it, plan and run a migration.
 * Everything here is non-null by default.
 */
package dev.residency.examples;
