package io.github.camelsd.quarkus.deployment;

/**
 * The Kafka Dev Service's child JVMs, as the operating system lists this JVM's descendants. A class of the tests'
 * applications (add it to their archive): it runs in the application, where the deployment's classes are not.
 */
final class KafkaBrokerProcesses {

    private static final String MAIN_CLASS = "io.github.camelsd.kafkabroker.KafkaBroker";

    private KafkaBrokerProcesses() {
    }

    /** Whether a descendant of this JVM runs KafkaBroker. */
    static boolean running() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .anyMatch(process -> process.info().commandLine()
                        .map(line -> line.contains(MAIN_CLASS))
                        .orElse(false));
    }
}
