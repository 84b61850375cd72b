#!/bin/sh
# Records spi-anchor/src/test/resources/dev/hashring/anchor/anchor-vectors.tsv with hash4j's own
# JumpBackAnchor (see RecordVectors). Run from anywhere; needs only the JDK and the Maven wrapper.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root/.."
# One reactor run, so that hashring-api resolves to its freshly built classes (never installed).
./mvnw -q -B test-compile dependency:build-classpath -pl spi-anchor -am \
  -Dmdep.outputFile=target/anchor.classpath -Dmdep.includeScope=test
java -cp "spi-anchor/target/test-classes:spi-anchor/target/classes:$(cat spi-anchor/target/anchor.classpath)" \
  dev.hashring.anchor.RecordVectors > spi-anchor/src/test/resources/dev/hashring/anchor/anchor-vectors.tsv
echo "wrote spi-anchor/src/test/resources/dev/hashring/anchor/anchor-vectors.tsv"
