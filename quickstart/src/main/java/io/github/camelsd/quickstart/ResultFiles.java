package io.github.camelsd.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Writes one result: each output image as {@code <name>-<i>.png} and {@code <name>.json} with the response metadata.
 * The API's output links can be temporary, so the images are downloaded at once (base64 outputs are decoded).
 */
final class ResultFiles implements Processor {

    private final Path output;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ResultFiles(Path output) {
        this.output = output;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String name = message.getHeader(RenderRoutes.NAME, String.class);
        List<?> outputs = message.getBody(List.class);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Path file = output.resolve(name + "-" + i + ".png");
            Files.write(file, image(String.valueOf(outputs.get(i))));
            files.add(file.getFileName().toString());
        }
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("name", name);
        sidecar.put("job_id", message.getHeader(SdConstants.JOB_ID));
        sidecar.put("seed", message.getHeader(SdConstants.SEED));
        sidecar.put("generation_time", message.getHeader(SdConstants.GENERATION_TIME));
        sidecar.put("nsfw_content_detected", message.getHeader(SdConstants.NSFW));
        sidecar.put("polls", message.getHeader(SdConstants.POLLS));
        sidecar.put("outputs", outputs);
        sidecar.put("files", files);
        sidecar.put("meta", message.getHeader(SdConstants.META));
        Files.write(output.resolve(name + ".json"),
                SdJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(sidecar));
        message.setBody(files);
    }

    private byte[] image(String output) throws IOException, InterruptedException {
        if (!output.startsWith("http://") && !output.startsWith("https://")) {
            return Base64.getDecoder().decode(output);
        }
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(output))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("downloading " + output + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }
}
