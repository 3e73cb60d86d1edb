#!/usr/bin/env bash
# Camel JBang with the sd: component on its classpath: ./camel-jbang.sh run some/route.yaml [more files] [camel run options]
# (any other camel command too: ./camel-jbang.sh --help, ./camel-jbang.sh get). Builds the launcher first (first run: a
# few minutes, later ones seconds), from this reactor: nothing is installed into a Maven repository and no separate
# Camel JBang is needed. Paths are taken from where you run it.
#   SD_API_KEY=your-key ./camel-jbang.sh run jbang/examples/text2img.camel.yaml jbang/examples/application.properties
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
echo "Building the Camel JBang launcher..." >&2
# package, not install: the launcher's classpath file names the component's jar in component/target
(cd "$root" && ./mvnw -q -B -pl jbang -am package -Dmaven.test.skip=true)
exec java -cp "$root/jbang/target/classes:$(cat "$root/jbang/target/launcher.classpath")" \
    io.github.camelsd.jbang.CamelSdJBang "$@"
