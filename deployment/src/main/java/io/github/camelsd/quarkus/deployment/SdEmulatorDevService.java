package io.github.camelsd.quarkus.deployment;

import java.time.Duration;
import java.util.UUID;

import io.github.camelsd.emulator.SdEmulator;
import io.quarkus.deployment.builditem.Startable;

/**
 * The API emulator as an owned Dev Service: Quarkus starts it after the build, in the build JVM, keeps it across live
 * reloads while {@link Settings} stay equal, and closes it when the application stops. No container is involved.
 */
final class SdEmulatorDevService implements Startable {

    /** What identifies one running emulator: a change restarts it. */
    record Settings(Duration processingTime, int queueLimit, Duration spamFilterWindow) {

        static Settings of(SdBuildTimeConfig.DevServices config) {
            return new Settings(config.processingTime(), config.queueLimit(), config.spamFilterWindow());
        }
    }

    private final Settings settings;
    /** A fresh key per emulator: nothing outside this JVM knows it, and it is never logged. */
    private final String apiKey = "sd-dev-" + UUID.randomUUID();
    private volatile SdEmulator emulator;

    SdEmulatorDevService(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        emulator = SdEmulator.builder()
                .port(0)
                .apiKey(apiKey)
                .processingTime(settings.processingTime())
                .queueLimit(settings.queueLimit())
                .spamFilterWindow(settings.spamFilterWindow())
                .build()
                .start();
    }

    /** The emulator's base URL, {@code http://127.0.0.1:PORT}. */
    @Override
    public String getConnectionInfo() {
        return emulator.baseUrl();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    String apiKey() {
        return apiKey;
    }

    @Override
    public void close() {
        SdEmulator running = emulator;
        emulator = null;
        if (running != null) {
            running.close();
        }
    }
}
