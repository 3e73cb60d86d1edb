package io.github.camelsd.quarkus.it;

import java.util.Map;

import io.github.camelsd.component.SdConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;

/**
 * The example route: PNG files dropped into an inbox folder are restyled by {@code sd:img2img} and the results are
 * stored in S3.
 *
 * <pre>
 * file:{{sd.example.inbox}}  -&gt;  sd:img2img (the file is the init image)  -&gt;  one exchange per image  -&gt;
 * aws2-s3://{{sd.example.bucket}} under renders/&lt;file name&gt;-&lt;index&gt;.png
 * </pre>
 *
 * <p>It is only added when {@code sd.example.inbox} is set, so that the other tests (and an application without S3
 * configuration) never start a file consumer or an S3 client. To run it, set:
 * <ul>
 * <li>{@code sd.example.inbox}: the folder to watch (processed files are moved to its {@code .camel} subfolder);</li>
 * <li>{@code sd.example.bucket}: an existing bucket;</li>
 * <li>the S3 connection, the way camel-aws2-s3 documents it, e.g. {@code camel.component.aws2-s3.region},
 * {@code camel.component.aws2-s3.access-key} and {@code camel.component.aws2-s3.secret-key} (or
 * {@code camel.component.aws2-s3.use-default-credentials-provider=true}), and for an S3-compatible store
 * {@code camel.component.aws2-s3.override-endpoint=true}, {@code camel.component.aws2-s3.uri-endpoint-override}
 * and {@code camel.component.aws2-s3.force-path-style=true}.</li>
 * </ul>
 * {@code SdExampleRouteTest} runs it against the Dev Services emulator and an in-process S3Proxy.
 */
public class SdExampleRoute extends RouteBuilder {

    static final String INBOX_PROPERTY = "sd.example.inbox";
    static final String BUCKET_PROPERTY = "sd.example.bucket";
    /** The S3 user metadata entry that records the sd job an object came from. */
    static final String JOB_ID_METADATA = "sd-job-id";

    @Override
    public void configure() {
        if (getCamelContext().getPropertiesComponent().resolveProperty(INBOX_PROPERTY).isEmpty()) {
            return; // not configured: no example route
        }

        // This is the example route (see the class comment).
        from("file:{{" + INBOX_PROPERTY + "}}?include=.*\\.png")
                .routeId("sd-example")
                .setHeader(SdConstants.PROMPT, constant("the same picture, as a watercolour"))
                // the body (the file) is the init image; staging=base64 sends it inline, so no public URL is needed
                .to("sd:img2img?staging=base64&width=64&height=64&strength=0.6")
                // the result is a List of SdImage, one or several: one exchange per image, with its index in a header;
                // the aws2-s3 producer reads each as a stream through the component's type converters
                .split(body())
                    .setHeader(AWS2S3Constants.KEY,
                            simple("renders/${file:onlyname.noext}-${header." + SdConstants.IMAGE_INDEX + "}.png"))
                    .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("image/png"))
                    .process(exchange -> exchange.getMessage().setHeader(AWS2S3Constants.METADATA,
                            Map.of(JOB_ID_METADATA, exchange.getMessage().getHeader(SdConstants.JOB_ID, String.class))))
                    .to("aws2-s3://{{" + BUCKET_PROPERTY + "}}")
                .end();
    }
}
