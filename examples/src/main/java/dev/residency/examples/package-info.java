/**
 * Small programs that show how to embed Residency: model a fleet, audit it, plan and run a migration.
 *
 * <p>Start with {@link dev.residency.examples.BuiltInFleet} (a fleet modelled in code) and {@link
 * dev.residency.examples.AuditBuiltInFleet}.
 *
 * <p>Not a library: the {@code residency-examples} artifact is a program and promises no API.
 * Everything here is non-null by default.
 */
package dev.residency.examples;
