/**
 * The {@code residency} command line: {@link dev.residency.cli.ResidencyCommand} and its subcommands
 * ({@code run}, {@code plan}, {@code audit}, {@code validate}, {@code scenarios}), the report files they
 * write and the compliance chart. Commands, exit statuses and outputs are documented in {@code
 * docs/cli.md}.
 *
 * <p>Not a library: the command line's flags, outputs and exit statuses are its interface, the Java
 * types here are not API. Everything here is non-null by default.
 */
package dev.residency.cli;
