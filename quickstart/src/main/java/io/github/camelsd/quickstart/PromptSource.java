package io.github.camelsd.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The prompts of one run: every {@code .txt} file of the input folder is one prompt, every non-blank line of a
 * {@code .jsonl} file is one whole request (JSON object) named {@code <file>-<line>}.
 */
final class PromptSource {

    /** One unit of work: a name for the output files and the message body for sd:text2img. */
    record Prompt(String name, String body) {
    }

    private PromptSource() {
    }

    static List<Prompt> read(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new IOException("input folder " + input.toAbsolutePath() + " does not exist");
        }
        List<Prompt> prompts = new ArrayList<>();
        try (Stream<Path> files = Files.list(input)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".txt")) {
                    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                    prompts.add(new Prompt(baseName(fileName), text));
                } else if (fileName.endsWith(".jsonl")) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            prompts.add(new Prompt(baseName(fileName) + "-" + (i + 1), lines.get(i).strip()));
                        }
                    }
                }
            }
        }
        return prompts;
    }

    private static String baseName(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }
}
