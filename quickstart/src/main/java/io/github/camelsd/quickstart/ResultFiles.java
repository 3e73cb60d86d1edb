package io.github.camelsd.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Writes one result: each image as {@code <name>-<i>.png} and {@code <name>.json} with the response metadata. */
final class ResultFiles implements Processor {

    private final Path output;

    ResultFiles(Path output) {
        this.output = output;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String name = message.getHeader(RenderRoutes.NAME, String.class);
        Object body = message.getBody();
        List<?> images = body instanceof byte[] one ? List.of(one) : (List<?>) body;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Path file = output.resolve(name + "-" + i + ".png");
            Files.write(file, (byte[]) images.get(i));
            files.add(file.getFileName().toString());
        }
        Map<String, Object> response = message.getHeader(SdConstants.RAW_RESPONSE, Map.class);
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("name", name);
        sidecar.put("job_id", message.getHeader(SdConstants.JOB_ID));
        sidecar.put("seed", message.getHeader(SdConstants.SEED));
        sidecar.put("generation_time", message.getHeader(SdConstants.GENERATION_TIME));
        sidecar.put("nsfw_content_detected", message.getHeader(SdConstants.NSFW));
        sidecar.put("polls", message.getHeader(SdConstants.POLLS));
        sidecar.put("outputs", response.get("output"));
        sidecar.put("files", files);
        sidecar.put("meta", message.getHeader(SdConstants.META));
        Files.write(output.resolve(name + ".json"),
                SdJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(sidecar));
        message.setBody(files);
    }
}
