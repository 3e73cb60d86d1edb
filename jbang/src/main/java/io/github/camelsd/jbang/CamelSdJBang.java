package io.github.camelsd.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * Camel JBang's {@code camel} command ({@code camel run route.yaml}, {@code camel get}, ...) with the {@code sd:}
 * component on the classpath, so routes use it without {@code --dep} and without a Maven repository holding it.
 * {@code ./camel-jbang.sh} at the repository root builds and runs it.
 */
public final class CamelSdJBang {

    private CamelSdJBang() {
    }

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
