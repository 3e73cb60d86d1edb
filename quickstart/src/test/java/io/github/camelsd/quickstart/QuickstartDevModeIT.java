package io.github.camelsd.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import io.github.camelsd.devmode.QuarkusDevMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code quarkus dev} of the quick start, as a developer runs it ({@link QuarkusDevMode}: {@code ./mvnw compile
 * quarkus:dev} of a copy, nothing installed): it renders the prompts of its input folder through Dev Services'
 * emulator into PNG files and sidecars, then waits; an edit of its route takes effect on the next run, and the whole
 * process tree is stopped at the end.
 * <p>
 * How the edit is picked up: Quarkus dev mode looks for changed sources only when something asks it to, on an HTTP
 * request to the application (which the quick start has no server for), or from the console. It has no timer that
 * scans the application's sources (its only timer compiles tests, for continuous testing), and a command-mode
 * application that has ended answers nothing. So the test does what the developer does: once the run is over
 * ({@code Press [space] to restart}), it types a space into the console (the child's standard input, with the plain
 * console, {@code quarkus.console.basic}): dev mode recompiles the edited route, restarts the application with the
 * same arguments ({@code quarkus.args}) and the same Dev Services emulator.
 */
@Tag("devmode") // run by failsafe only (pom.xml): it needs the extension's modules built
class QuickstartDevModeIT {

    private static final Duration START = Duration.ofMinutes(8);
    private static final Duration RELOAD = Duration.ofMinutes(3);
    private static final String ROUTE = "src/main/java/io/github/camelsd/quickstart/RenderRoutes.java";
    private static final String RESTART_PROMPT = "Press [space] to restart";

    private QuarkusDevMode devMode;

    @Test
    void rendersThePromptsAndRunsAnEditedRouteAfterARestart() throws Exception {
        devMode = QuarkusDevMode.copyOf("quickstart");
        // the prompts, as the quick start reads them: a .txt file is one prompt, a .jsonl line one whole request
        Path in = Files.createDirectories(devMode.work().resolve("prompts"));
        Path out = devMode.work().resolve("out");
        Files.writeString(in.resolve("fox.txt"), "a red fox in fresh snow\n");
        Files.writeString(in.resolve("lemons.jsonl"), "{\"prompt\": \"a bowl of lemons\", \"samples\": 2}\n");
        // absolute folders: dev mode runs the application from another working folder
        devMode.start("quarkus.args=" + in + " " + out);

        devMode.await("the first run's sidecars", START,
                () -> Files.exists(out.resolve("fox.json")) && Files.exists(out.resolve("lemons-1.json")), done -> done);
        assertEquals(512, image(out.resolve("fox-0.png")).getWidth());
        image(out.resolve("lemons-1-0.png"));
        image(out.resolve("lemons-1-1.png"));
        String firstRun = devMode.awaitLog("the end of the first run", RELOAD, log -> log.contains(RESTART_PROMPT));
        assertTrue(firstRun.contains("Dev Services for camel-sd started the Stable Diffusion API emulator"), firstRun);
        assertTrue(firstRun.contains("Done: 2 of 2 prompts rendered, 0 failed"), firstRun);

        // another image option and other file names (the sidecar is written after the images)
        devMode.edit(ROUTE, source -> source.replace(
                ".to(\"sd:text2img?outputFormat=bytes\")",
                ".setHeader(NAME, simple(\"edited-${header." + RenderRoutes.NAME + "}\"))"
                        + ".to(\"sd:text2img?outputFormat=bytes&width=768\")"));
        devMode.type(" ");

        devMode.await("the edited route's sidecars", RELOAD, () -> Files.exists(out.resolve("edited-fox.json"))
                && Files.exists(out.resolve("edited-lemons-1.json")), done -> done);
        assertEquals(768, image(out.resolve("edited-fox-0.png")).getWidth());
        assertEquals(768, image(out.resolve("edited-lemons-1-1.png")).getWidth());
        String log = Files.readString(devMode.log());
        assertTrue(log.contains("Restarting quarkus due to changes in RenderRoutes.class"), "see " + devMode.log());
        // the restart kept the emulator
        assertEquals(1, log.split("Dev Services for camel-sd started", -1).length - 1, "see " + devMode.log());
    }

    @AfterEach
    void stopDevMode() throws Exception {
        if (devMode != null) {
            devMode.close();
        }
    }

    private static BufferedImage image(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " is no image");
        return image;
    }
}
