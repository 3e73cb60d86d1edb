package io.github.camelsd.component;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultMessage;

/**
 * The message a finished job leaves: a {@link DefaultMessage} that knows the images of its body. When one of them
 * becomes the body of this message or of a copy, which is what {@code split(body())} does for each image, the message
 * gets header {@link SdConstants#IMAGE_INDEX}. Camel copies a message through {@link #newInstance()}, so the copies the
 * splitter makes are of this type too (as with the JMS, mail and file components' messages).
 */
final class SdResultMessage extends DefaultMessage {

    private final List<?> images;

    SdResultMessage(Exchange exchange, List<?> images) {
        super(exchange);
        this.images = images;
    }

    private SdResultMessage(SdResultMessage parent) {
        super(parent.getCamelContext());
        this.images = parent.images;
    }

    @Override
    public void setBody(Object body) {
        super.setBody(body);
        // identity, not equals: two images of a job can have the same bytes
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i) == body) {
                setHeader(SdConstants.IMAGE_INDEX, i);
                return;
            }
        }
    }

    @Override
    public SdResultMessage newInstance() {
        return new SdResultMessage(this);
    }
}
