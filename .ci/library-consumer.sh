#!/usr/bin/env bash
# Builds and runs the README's library example as an embedder would: installs Residency's libraries
# and BOM into the local Maven repository, then compiles the example in a separate Maven project
# (.ci/library-consumer/pom.xml) that depends on dev.residency:residency-sim through the BOM, runs
# it, and checks that it prints what the README says. Extra arguments go to every Maven call (-o to
# stay offline). After `./mvnw verify` the install step reuses the built classes and tests nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
[[ -n "$version" ]] || { echo "library-consumer: no <version> in pom.xml" >&2; exit 1; }

# Only what an embedder needs (the parent, the BOM, core and sim), without tests, coverage, or the
# sources and Javadoc jars: verify has built and checked those already, and the example needs none.
./mvnw -B -ntp -q "$@" install -DskipTests -Djacoco.skip -Dresidency.library.skip=true -pl bom,core,sim -am

work=target/library-consumer
rm -rf "$work"
mkdir -p "$work/src/main/java/com/example/fleet"
cp .ci/library-consumer/pom.xml "$work/pom.xml"
awk -v java="$work/src/main/java/com/example/fleet/FleetMigration.java" -v out="$work/expected.txt" '
    /^## Use it as a library$/ { section = 1; next }
    section && /^## / { section = 0 }
    !section { next }
    state == 0 && /^```java$/ { state = 1; next }
    state == 1 && /^```$/ { state = 2; next }
    state == 1 { print > java; next }
    state == 2 && /^```$/ { state = 3; next }
    state == 3 && /^```$/ { state = 4; next }
    state == 3 { print > out }
' README.md
[[ -s "$work/src/main/java/com/example/fleet/FleetMigration.java" && -s "$work/expected.txt" ]] || {
    echo "library-consumer: README has no library example and output under \"## Use it as a library\"" >&2
    exit 1
}

# Compile, then run with the class path Maven resolved through the BOM. The dependency plugin's goal
# by its full name: a prefix needs plugin-group metadata that an offline repository may not hold.
if ! ./mvnw -B -ntp -q "$@" -f "$work/pom.xml" -Dresidency.version="$version" compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile=classpath.txt -DincludeScope=runtime > "$work/build.txt"; then
    cat "$work/build.txt" >&2
    echo "library-consumer: the example did not build against residency-sim $version" >&2
    exit 1
fi
java -cp "$work/target/classes:$(cat "$work/classpath.txt")" com.example.fleet.FleetMigration > "$work/actual.txt"
if diff -u "$work/expected.txt" "$work/actual.txt"; then
    echo "library-consumer: the README's example built against residency-sim $version (through the BOM) and printed what the README shows"
else
    echo "library-consumer: the example's output differs from the README's (above)" >&2
    exit 1
fi
