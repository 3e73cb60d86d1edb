package io.github.camelsd.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.response.SdResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("sd:fine-tune-status?trainingId=...")}: watches a training (or, without {@code trainingId}, every training
 * of the account, listed by fine-tune-list) and emits one exchange per stage change, so a route can react when a model
 * becomes ready. Each poll is one status call per training still under way, every {@code trainingPollInterval}; a
 * training that reached {@code model_ready} or failed is reported once more and then left alone.
 */
final class SdTrainingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SdTrainingConsumer.class);

    private final SdEndpoint endpoint;
    private final SdProducer calls;
    /** The last stage reported per training; trainings that ended are kept so that they are not reported again. */
    private final Map<String, String> stages = new HashMap<>();

    SdTrainingConsumer(SdEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.calls = new SdProducer(endpoint);
        setDelay(endpoint.getConfiguration().getTrainingPollInterval());
        setTimeUnit(TimeUnit.MILLISECONDS);
    }

    @Override
    protected int poll() throws Exception {
        int emitted = 0;
        for (String trainingId : watched()) {
            if (isEnded(stages.get(trainingId))) {
                continue;
            }
            Exchange exchange = createExchange(true);
            exchange.getMessage().setHeader(SdConstants.TRAINING_ID, trainingId);
            String stage;
            try {
                SdResponse status = calls.call(endpoint.fetchCall(endpoint.statusTemplate(SdOperation.FINE_TUNE_STATUS),
                        trainingId).uri(), keyOnly(), exchange, trainingId).get(timeout(), TimeUnit.MILLISECONDS);
                stage = SdResultWriter.stageOf(status);
                if (stage == null || stage.equals(stages.get(trainingId))) {
                    releaseExchange(exchange, false);
                    continue;
                }
                SdResultWriter.trainingStatus(exchange, trainingId, status, 1);
                exchange.getMessage().setBody(status.raw());
            } catch (java.util.concurrent.ExecutionException failed) {
                // a failed or cancelled training answers status failed: that is its last stage change
                stage = "failed";
                exchange.setException(SdHttpTransport.unwrap(failed));
                exchange.getMessage().setHeader(SdConstants.TRAINING_STAGE, stage);
            }
            stages.put(trainingId, stage);
            LOG.info("training {} reached stage {}", trainingId, stage);
            try {
                getProcessor().process(exchange);
            } finally {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("training " + trainingId + " at stage " + stage, exchange,
                            exchange.getException());
                }
                releaseExchange(exchange, false);
            }
            emitted++;
        }
        return emitted;
    }

    /** The training the endpoint names, else every training of the account. */
    private List<String> watched() throws Exception {
        String trainingId = endpoint.getConfiguration().getTrainingId();
        if (trainingId != null && !trainingId.isBlank()) {
            return List.of(trainingId);
        }
        Exchange exchange = createExchange(true);
        try {
            SdResponse list = calls.call(endpoint.operationUri(SdOperation.FINE_TUNE_LIST.route(
                    endpoint.getConfiguration().getApiVersion(), false)), keyOnly(), exchange, null)
                    .get(timeout(), TimeUnit.MILLISECONDS);
            List<String> ids = new ArrayList<>();
            if (list.raw().get("data") instanceof List<?> data) {
                for (Object item : data) {
                    Object id = item instanceof Map<?, ?> training
                            ? training.get(training.containsKey("training_id") ? "training_id" : "id") : item;
                    if (id != null) {
                        ids.add(id.toString());
                    }
                }
            }
            return ids;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static boolean isEnded(String stage) {
        return SdJobWaiter.MODEL_READY.equals(stage) || "failed".equals(stage);
    }

    private Map<String, Object> keyOnly() {
        Map<String, Object> body = new HashMap<>();
        body.put(SdJson.KEY, endpoint.getConfiguration().getApiKey());
        return body;
    }

    private long timeout() {
        return endpoint.getConfiguration().getResponseTimeout() + 1000;
    }
}
