package io.github.camelsd.examples.http;

import io.github.camelsd.component.SdConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP example: an image service made of Camel routes on the application's HTTP server (platform-http).
 *
 * <pre>
 * POST /images          prompt or JSON ─▶ sd:text2img?waitForResult=false ─▶ 202 {jobId, statusUrl} (200 if already done)
 * GET  /images/{id}                    ─▶ sd:fetch?waitForResult=false   ─▶ 202 processing | 200 state + image links
 * GET  /images/{id}/{index}            ─▶ sd:fetch?...&outputFormat=bytes ─▶ 202 processing | 200 the PNG
 * POST /images/sync     prompt or JSON ─▶ sd:text2img?outputFormat=bytes  ─▶ 200 the first PNG (waits, no thread held)
 * </pre>
 *
 * Every failure ends in {@link FailureAnswers}: a JSON answer with the HTTP status that matches the exception (400 for
 * invalid input, naming the fields; 401, 402, 403 for the account; 429 with Retry-After; 502, 503, 504 for the API or
 * the connection). The API key is configured once on the component and never reaches an answer.
 */
public class ImageRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // one handler for all: Camel matches onException clauses against the innermost cause first, so an
        // SdTransportException caused by an IOException would otherwise land in a catch-all for Exception
        onException(Exception.class).handled(true).process(FailureAnswers::answer);

        // a job handed back at once: the client polls its status URL
        from("platform-http:/images?httpMethodRestrict=POST").routeId("images-submit")
                .process(ImageRequests::generation)
                .to("sd:text2img?waitForResult=false")
                .choice()
                    .when(header(SdConstants.STATUS).isEqualTo("processing"))
                        .process(ImageAnswers::accepted)
                    .otherwise()
                        .process(ImageAnswers::finished) // the API answered at once: no need to poll
                .end();

        // one look at the job, no waiting
        from("platform-http:/images/{id}?httpMethodRestrict=GET").routeId("images-status")
                .process(ImageRequests::job)
                .to("sd:fetch?waitForResult=false")
                .choice()
                    .when(header(SdConstants.STATUS).isEqualTo("processing"))
                        .process(ImageAnswers::processing)
                    .otherwise()
                        .process(ImageAnswers::finished)
                .end();

        // one image of a finished job, downloaded from the API's link and answered as it is
        from("platform-http:/images/{id}/{index}?httpMethodRestrict=GET").routeId("images-download")
                .process(ImageRequests::jobImage)
                .to("sd:fetch?waitForResult=false&outputFormat=bytes")
                .choice()
                    .when(header(SdConstants.STATUS).isEqualTo("processing"))
                        .process(ImageAnswers::processing)
                    .otherwise()
                        .process(ImageAnswers::image)
                .end();

        // the synchronous variant: the component waits for the job without holding a thread, then downloads it
        from("platform-http:/images/sync?httpMethodRestrict=POST").routeId("images-sync")
                .process(ImageRequests::generation)
                .to("sd:text2img?outputFormat=bytes&maxWait={{images.sync.max-wait}}")
                .process(ImageAnswers::firstImage);
    }
}
