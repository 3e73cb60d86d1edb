package io.github.camelsd.component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelsd.component.error.SdStagingException;
import io.github.camelsd.component.request.SdImageInput;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * staging=s3: puts an image into the bucket of the configured Camel AWS2 S3 endpoint and answers a presigned GET URL,
 * and deletes staged objects when their job has ended. Talking to S3 through a Camel endpoint URI keeps AWS out of
 * this component's dependencies and lets users configure credentials, region and S3-compatible stores the way
 * camel-aws2-s3 documents. The AWS2 S3 producer blocks while it works, so it runs on the component's staging pool,
 * never on the HTTP completion threads.
 */
final class SdS3Stager {

    private static final Logger LOG = LoggerFactory.getLogger(SdS3Stager.class);
    // camel-aws2-s3's header names (AWS2S3Constants), as strings so that the component does not need the artifact
    private static final String KEY = "CamelAwsS3Key";
    private static final String OPERATION = "CamelAwsS3Operation";
    private static final String CONTENT_TYPE = "CamelAwsS3ContentType";
    private static final String CONTENT_LENGTH = "CamelAwsS3ContentLength";
    /** Spelt as camel-aws2-s3 spells it (AWS2S3Constants.DOWNLOAD_LINK_EXPIRATION_TIME): "Dowload". */
    private static final String LINK_EXPIRATION = "CamelAwsS3DowloadLinkExpirationTime";

    private final ProducerTemplate template;
    private final ExecutorService pool;

    SdS3Stager(ProducerTemplate template, ExecutorService pool) {
        this.template = template;
        this.pool = pool;
    }

    /** Uploads one image under {@code key} and answers its presigned URL; fails with {@link SdStagingException}. */
    CompletableFuture<String> stage(SdConfiguration config, String key, byte[] image, Exchange exchange) {
        return CompletableFuture.supplyAsync(() -> {
            Exchange put = template.send(config.getStagingUri(), e -> {
                e.getMessage().setBody(image); // no operation header: the producer's default is the upload
                e.getMessage().setHeader(KEY, key);
                e.getMessage().setHeader(CONTENT_TYPE, SdImageInput.mediaType(image));
                e.getMessage().setHeader(CONTENT_LENGTH, (long) image.length);
            });
            failIfFailed(put, "uploading " + key, exchange);
            Exchange link = template.send(config.getStagingUri(), e -> {
                e.getMessage().setHeader(OPERATION, "createDownloadLink");
                e.getMessage().setHeader(KEY, key);
                e.getMessage().setHeader(LINK_EXPIRATION, config.getStagingUrlTtl());
            });
            failIfFailed(link, "creating the download link of " + key, exchange);
            String url = link.getMessage().getBody(String.class);
            if (url == null || !url.startsWith("http")) {
                throw new CompletionException(new SdStagingException(
                        "staging " + key + " gave no download link", exchange, null));
            }
            return url;
        }, pool);
    }

    /**
     * Deletes staged objects in the background; a failure is logged and the job's outcome stands (objects left behind
     * are best removed by a lifecycle rule on the prefix).
     */
    void delete(SdConfiguration config, List<String> keys) {
        try {
            pool.execute(() -> keys.forEach(key -> deleteOne(config, key)));
        } catch (RejectedExecutionException stopping) {
            LOG.warn("The component is stopping: staged images {} stay in the bucket", keys);
        }
    }

    private void deleteOne(SdConfiguration config, String key) {
        try {
            Exchange delete = template.send(config.getStagingUri(), e -> {
                e.getMessage().setHeader(OPERATION, "deleteObject");
                e.getMessage().setHeader(KEY, key);
            });
            if (delete.getException() != null) {
                LOG.warn("Could not delete staged image {}: {}", key, delete.getException().getMessage());
            }
        } catch (RuntimeException stopped) {
            LOG.warn("Could not delete staged image {}: {}", key, stopped.getMessage());
        }
    }

    private static void failIfFailed(Exchange s3, String what, Exchange exchange) {
        if (s3.getException() != null) {
            throw new CompletionException(new SdStagingException(
                    what + " in the staging bucket failed: " + s3.getException().getMessage(), exchange,
                    s3.getException()));
        }
    }
}
