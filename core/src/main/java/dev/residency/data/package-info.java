/**
 * User records: data categories, the columnar record store with interned replica sets, aggregation
 * into groups, and a seeded synthetic population generator. Everything here is non-null by default.
 */
package dev.residency.data;
