package io.github.camelsd.quarkus.it;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Captures every log record of this JVM while open, formatted with its exception: in a {@code @QuarkusTest} the
 * application logs in the test's JVM, so this sees all it logs.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = Logger.getLogger("");

    private LogCapture() {
        setLevel(Level.ALL);
        setFormatter(new PatternFormatter("%p [%c] %s%e%n"));
    }

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    String text() {
        return String.join("", lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(getFormatter().format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
