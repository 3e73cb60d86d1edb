package io.github.camelsd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The figures of one run, as a Markdown table for people and a JSON file for tools. */
final class BenchReport {

    /** One figure; {@code target} is empty where the issue sets none. */
    record Row(String section, String measure, String value, String target, String verdict) {
    }

    private final Map<String, Object> machine;
    private final List<Row> rows = new ArrayList<>();

    BenchReport(Map<String, Object> machine) {
        this.machine = machine;
    }

    void add(String section, String measure, String value) {
        rows.add(new Row(section, measure, value, "", ""));
    }

    /** A figure with a target: the verdict says whether it was met. */
    void check(String section, String measure, double value, String format, String target, boolean met) {
        rows.add(new Row(section, measure, String.format(format, value), target, met ? "met" : "NOT met"));
    }

    /** The failed calls or jobs of a section: any at all is the section's verdict, whatever its other figures say. */
    void failures(String section, String what, int failed) {
        rows.add(new Row(section, "failed " + what, String.valueOf(failed), "0",
                failed == 0 ? "met" : "FAILURES: figures of this section are not reliable"));
    }

    /** A section that could not finish: what stopped it, so that the run still reports every other section. */
    void broken(String section, Throwable error) {
        rows.add(new Row(section, "did not complete", String.valueOf(error).replace('|', '/'), "",
                "FAILED"));
    }

    /** Whether any row missed its target or failed. */
    boolean allMet() {
        return rows.stream().allMatch(row -> row.verdict().isEmpty() || row.verdict().equals("met"));
    }

    String markdown() {
        StringBuilder md = new StringBuilder("Machine: ").append(machine).append("\n\n");
        md.append("| section | measure | value | target | verdict |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.section()).append(" | ").append(row.measure()).append(" | ").append(row.value())
                    .append(" | ").append(row.target()).append(" | ").append(row.verdict()).append(" |\n");
        }
        return md.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("bench-results.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("bench-results.json").toFile(), json);
    }
}
