package io.github.camelsd.examples.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdErrorHandlingConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * The Kafka example.
 *
 * <pre>
 * kafka:prompts ─▶ sd:text2img (outputFormat=bytes) ─▶ one aws2-s3 object per image ─▶ kafka:renders (result event)
 *                      │ failure the shipped policy (sd-error-handling) gives up on
 *                      ▼
 *                  direct:dead-letter ─▶ kafka:prompts.dlq (reason + original request)
 * </pre>
 *
 * <ul>
 * <li>A record's value is the request: plain text is the prompt, a JSON object ({@code {"prompt": "...", "width":
 * 768, "samples": 2}}) the whole request, with the API's field names.</li>
 * <li>Each image is stored as {@code <key-prefix><job id>-<index>.<ext>} in the bucket, with the job id in its S3
 * metadata.</li>
 * <li>The result event (JSON, {@link RenderEvents#result}) names the job, the objects, the seed and the timings; its
 * record key is the prompt's record key, so a client correlates requests and results by key.</li>
 * <li>Every failure after the retries of {@code sd-error-handling} (and of {@link ExampleErrorHandling} for the other
 * steps) ends as one dead-letter record ({@link RenderEvents#deadLetter}) with the same key: the reason and the
 * original request, never the API key.</li>
 * </ul>
 * Records are taken in batches and a batch's records are rendered at once (in no particular order); the next batch of
 * a consumer comes when the last one is done. Instances in one consumer group share the topic's partitions.
 */
public class KafkaRenderRoutes extends RouteBuilder {

    static final String BATCH_ROUTE_ID = "kafka-render-batch";
    static final String ROUTE_ID = "kafka-render";
    static final String RENDER = "direct:render";
    static final String DEAD_LETTER_ROUTE_ID = "kafka-render-dead-letter";
    static final String DEAD_LETTER = "direct:dead-letter";

    /** Exchange properties: what the events need after the body and headers have moved on. */
    static final String ORIGINAL_REQUEST = "KafkaExampleOriginalRequest";
    static final String RECORD_KEY = "KafkaExampleRecordKey";
    static final String SOURCE = "KafkaExampleSource";
    static final String RECEIVED_AT = "KafkaExampleReceivedAt";
    static final String RENDERED_AT = "KafkaExampleRenderedAt";
    static final String JOB = "KafkaExampleJob";
    static final String OBJECT_KEYS = "KafkaExampleObjectKeys";
    static final String ATTEMPTS = "KafkaExampleSdAttempts";

    @Override
    public void configure() {
        // counts the calls of sd: for the dead letter, redeliveries included (a redelivery sends to the endpoint again)
        interceptSendToEndpoint("sd:*").process(exchange ->
                exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1));

        // Records come in batches (up to kafka.example.batch-size), all rendered at once: a waiting job holds no thread,
        // so a batch of 100 is 100 jobs in flight. The batch's offsets are committed when each of its records has its
        // result event or its dead letter, never before: a record of an instance that dies is polled again elsewhere.
        from("kafka:{{kafka.example.prompts-topic}}"
                + "?groupId={{kafka.example.group-id}}"
                + "&autoOffsetReset=earliest"
                + "&batching=true"
                + "&maxPollRecords={{kafka.example.batch-size}}"
                + "&batchingIntervalMs={{kafka.example.batching-interval-ms}}"
                + "&pollTimeoutMs={{kafka.example.poll-timeout-ms}}"
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true"
                + "&maxPollIntervalMs={{kafka.example.max-poll-interval-ms}}")
                .routeId(BATCH_ROUTE_ID)
                .split(body()).parallelProcessing()
                    .process(KafkaRenderRoutes::fromRecord)
                    .to(RENDER)
                .end()
                .process(KafkaRenderRoutes::commitBatch);

        from(RENDER)
                .routeId(ROUTE_ID)
                .routeConfigurationId(SdErrorHandlingConfiguration.ID + "," + ExampleErrorHandling.ID)
                .convertBodyTo(String.class)
                .process(KafkaRenderRoutes::remember)
                // the body is the request (prompt or JSON); downloaded at once: the API's links can be temporary.
                // The record key is the correlation key: a record seen again (another instance took over after a
                // crash) resumes the job accepted for it (jobStateRepository, AcceptedJobs) instead of paying again.
                .to("sd:text2img?outputFormat=bytes&jobStateRepository=#" + AcceptedJobs.NAME
                    + "&correlationKeyHeader=" + KafkaConstants.KEY)
                .process(KafkaRenderRoutes::toImageList)
                .split(body()).stopOnException()
                    .process(KafkaRenderRoutes::objectHeaders)
                    .to("aws2-s3://{{kafka.example.bucket}}")
                .end()
                .process(exchange -> exchange.getMessage().setBody(RenderEvents.result(exchange)))
                // only the record key goes out: no request, S3 or sd header becomes a Kafka header
                .removeHeaders("*")
                .setHeader(KafkaConstants.KEY, exchangeProperty(RECORD_KEY))
                .to("kafka:{{kafka.example.renders-topic}}");

        // sd.dead-letter-uri (application.properties) names this route; both error handling configurations end here.
        // A dead letter that cannot be written is tried again until it is: its record must not be committed without
        // either event.
        from(DEAD_LETTER).routeId(DEAD_LETTER_ROUTE_ID)
                .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(1000)
                        .asyncDelayedRedelivery().retryAttemptedLogLevel(LoggingLevel.WARN))
                .process(exchange -> exchange.getMessage().setBody(RenderEvents.deadLetter(exchange)))
                .removeHeaders("*")
                .setHeader(KafkaConstants.KEY, exchangeProperty(RECORD_KEY))
                .log(LoggingLevel.WARN, "Dead letter for record key ${exchangeProperty." + RECORD_KEY + "}: ${body}")
                .to("kafka:{{kafka.example.dead-letter-topic}}");
    }

    /** A record of the batch (an exchange of its own) becomes the message of the exchange that renders it. */
    private static void fromRecord(Exchange exchange) {
        Message record = exchange.getMessage().getBody(Exchange.class).getMessage();
        exchange.getMessage().setHeaders(record.getHeaders());
        exchange.getMessage().setBody(record.getBody());
    }

    /**
     * Commits each partition of the batch up to its last record. Every record is done (its result event or its dead
     * letter written): the split returns only then, and a failure that reaches it (one neither event could be written
     * for) ends the batch before this step.
     */
    private static void commitBatch(Exchange batch) {
        Map<Integer, KafkaManualCommit> lastOfPartition = new HashMap<>();
        for (Object record : batch.getMessage().getBody(List.class)) {
            Message message = ((Exchange) record).getMessage();
            lastOfPartition.put(message.getHeader(KafkaConstants.PARTITION, Integer.class),
                    message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        }
        lastOfPartition.values().forEach(KafkaManualCommit::commit);
    }

    /** The record as it came, for the events; the headers are replaced on the way. */
    private static void remember(Exchange exchange) {
        var message = exchange.getMessage();
        exchange.setProperty(ORIGINAL_REQUEST, message.getBody(String.class));
        exchange.setProperty(RECORD_KEY, message.getHeader(KafkaConstants.KEY));
        exchange.setProperty(SOURCE, RenderEvents.source(
                message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class),
                message.getHeader(KafkaConstants.TIMESTAMP, Long.class)));
        exchange.setProperty(RECEIVED_AT, System.currentTimeMillis());
    }

    /**
     * One image is a {@code byte[]} body, several a List: always a List here, so that splitting never walks bytes. The
     * job's facts are kept, and each image's object key decided, before the split.
     */
    private static void toImageList(Exchange exchange) {
        exchange.setProperty(RENDERED_AT, System.currentTimeMillis());
        var message = exchange.getMessage();
        Object body = message.getBody();
        List<byte[]> images = new ArrayList<>();
        if (body instanceof byte[] one) {
            images.add(one);
        } else if (body instanceof List<?> many) {
            many.forEach(image -> images.add((byte[]) image));
        }
        String jobId = message.getHeader(SdConstants.JOB_ID, String.class);
        String mediaType = message.getHeader(SdConstants.MEDIA_TYPE, "image/png", String.class);
        String prefix = exchange.getContext().resolvePropertyPlaceholders("{{kafka.example.key-prefix}}");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            keys.add(prefix + jobId + "-" + i + "." + extension(mediaType));
        }
        exchange.setProperty(JOB, RenderEvents.job(message, mediaType));
        exchange.setProperty(OBJECT_KEYS, keys);
        message.setBody(images);
    }

    private static void objectHeaders(Exchange exchange) {
        int index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        @SuppressWarnings("unchecked")
        List<String> keys = exchange.getProperty(OBJECT_KEYS, List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> job = exchange.getProperty(JOB, Map.class);
        var message = exchange.getMessage();
        message.setHeader(AWS2S3Constants.KEY, keys.get(index));
        message.setHeader(AWS2S3Constants.CONTENT_TYPE, job.get("mediaType"));
        message.setHeader(AWS2S3Constants.CONTENT_LENGTH, (long) message.getBody(byte[].class).length);
        message.setHeader(AWS2S3Constants.METADATA, Map.of("sd-job-id", String.valueOf(job.get("jobId"))));
    }

    static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            case "image/gif" -> "gif";
            default -> "png";
        };
    }
}
