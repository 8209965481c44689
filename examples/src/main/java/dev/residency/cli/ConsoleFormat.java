package dev.residency.cli;

/** What a command prints on standard output: text for people, or JSON for other tools. */
enum ConsoleFormat {
    text,
    json
}
