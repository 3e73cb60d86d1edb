package io.github.camelsd.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelsd.component.SdJson;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the quick start as the README does (on the embedded emulator) and checks what it leaves behind. */
@QuarkusMainTest
class SdQuickstartTest {

    @Test
    void rendersEveryPromptOfTheShippedFolder(QuarkusMainLauncher launcher, @TempDir Path out) throws Exception {
        LaunchResult result = launcher.launch("prompts", out.toString());

        assertEquals(0, result.exitCode(), result.getOutput() + result.getErrorOutput());
        assertTrue(result.getOutput().contains("[4/4]"), result.getOutput());
        // red-fox.txt, lighthouse.txt, requests.jsonl line 1 (2 samples) and line 2
        for (String image : new String[] { "red-fox-0", "lighthouse-0", "requests-1-0", "requests-1-1", "requests-2-0" }) {
            byte[] png = Files.readAllBytes(out.resolve(image + ".png"));
            assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, java.util.Arrays.copyOf(png, 4), image);
        }
        Map<String, Object> sidecar = SdJson.readObject(Files.readAllBytes(out.resolve("requests-1.json")));
        assertEquals(1234, ((Number) sidecar.get("seed")).intValue());
        assertEquals(2, ((java.util.List<?>) sidecar.get("files")).size());
    }

    @Test
    void aFailedPromptIsReportedWithItsReasonAndFailsTheRun(QuarkusMainLauncher launcher, @TempDir Path work)
            throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "a green apple");
        Files.writeString(in.resolve("bad.jsonl"), "{\"prompt\": \"too wide\", \"width\": 500}\n");

        LaunchResult result = launcher.launch(in.toString(), work.resolve("out").toString());

        assertEquals(1, result.exitCode());
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("FAILED bad-1: SdValidationException"), output);
        assertTrue(output.contains("width"), output);
        assertTrue(Files.exists(work.resolve("out/good-0.png")));
    }
}
