package io.github.camelsd.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsd.component.SdComponent;
import io.github.camelsd.component.SdConfiguration;
import io.github.camelsd.emulator.SdEmulator;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.quarkus.main.CamelMain;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick start: {@code sd-quickstart [input-folder] [output-folder]}. Renders every prompt of the input folder
 * through sd:text2img, prints progress, and exits non-zero if any prompt failed. Without SD_API_KEY it runs against an
 * embedded emulator; with it, against the real API (SD_BASE_URL and SD_API_VERSION pick the server and path family).
 */
@QuarkusMain
public class SdQuickstart implements QuarkusApplication {

    private static final Logger LOG = LoggerFactory.getLogger("quickstart");

    @Inject
    CamelMain main;
    @Inject
    CamelContext context;
    @Inject
    ProducerTemplate template;
    @ConfigProperty(name = "quickstart.parallel", defaultValue = "4")
    int parallel;

    @Override
    public int run(String... args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "quickstart/prompts");
        Path output = Path.of(args.length > 1 ? args[1] : "out");
        Files.createDirectories(output);
        List<PromptSource.Prompt> prompts = PromptSource.read(input);

        // A command-mode application starts Camel itself, through Camel Quarkus' CamelMain as Quarkus would: init
        // applies the camel.component.sd.* properties and the extensions' customizers (in dev mode the JMX
        // management's, without which the CamelContext fails to start), start starts the CamelContext. The sd
        // component is told where the API is in between.
        main.init();
        try (SdEmulator emulator = useEmulatorUnlessKeyGiven()) {
            main.startEngine();
            context.addRoutes(new RenderRoutes(new ResultFiles(output)));
            int failed = render(prompts);
            LOG.info("Done: {} of {} prompts rendered, {} failed; results in {}", prompts.size() - failed, prompts.size(),
                    failed, output.toAbsolutePath());
            return failed == 0 ? 0 : 1;
        }
    }

    /** The embedded emulator (closed after the run), or null when a real API key is configured. */
    private SdEmulator useEmulatorUnlessKeyGiven() {
        SdConfiguration sd = context.getComponent("sd", SdComponent.class).getConfiguration();
        if (sd.getApiKey() != null && !sd.getApiKey().isBlank()) {
            LOG.info("Calling the Stable Diffusion API at {} ({} paths)", sd.getBaseUrl(), sd.getApiVersion());
            return null;
        }
        String key = "quickstart-" + UUID.randomUUID();
        SdEmulator emulator = SdEmulator.builder().port(0).apiKey(key).build().start();
        sd.setBaseUrl(emulator.baseUrl());
        sd.setApiKey(key);
        LOG.info("No SD_API_KEY set: rendering on the embedded emulator at {}", emulator.baseUrl());
        return emulator;
    }

    private int render(List<PromptSource.Prompt> prompts) throws InterruptedException {
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallel));
        for (PromptSource.Prompt prompt : prompts) {
            workers.execute(() -> {
                long started = System.nanoTime();
                Exchange exchange = template.send(RenderRoutes.RENDER, e -> {
                    e.getMessage().setBody(prompt.body());
                    e.getMessage().setHeader(RenderRoutes.NAME, prompt.name());
                });
                int n = finished.incrementAndGet();
                if (exchange.getException() == null) {
                    LOG.info("[{}/{}] ok     {} -> {} ({} ms)", n, prompts.size(), prompt.name(),
                            exchange.getMessage().getBody(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                } else {
                    failed.incrementAndGet();
                    LOG.error("[{}/{}] FAILED {}: {}: {}", n, prompts.size(), prompt.name(),
                            exchange.getException().getClass().getSimpleName(), exchange.getException().getMessage());
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.DAYS);
        return failed.get();
    }
}
