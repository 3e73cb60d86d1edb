package io.github.camelsd.kafkabroker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in this JVM: one node in KRaft mode that is broker and controller at once, listening on
 * 127.0.0.1 only (a free port unless one is asked for), with its log in a fresh temporary folder that {@link #close()}
 * deletes. It is the server of {@code kafka_2.13} (the version the Quarkus BOM manages, so broker and
 * {@code kafka-clients} are one release), started the way {@code kafka-server-start.sh} does it: the storage is
 * formatted ({@code kafka-storage.sh format}), then a {@link KafkaRaftServer} runs.
 *
 * <pre>
 * try (KafkaBroker broker = KafkaBroker.start()) {
 *     String bootstrapServers = broker.bootstrapServers();   // 127.0.0.1:PORT
 *     broker.createTopics("prompts", "renders");
 *     ...
 * }
 * </pre>
 *
 * <p>Tuned for one node and a fast start: every internal topic has replication factor 1 and one partition, consumer
 * groups rebalance without the initial delay, topics are created on first use with one partition.
 * {@link #start()} returns once the broker is unfenced and answers a client's metadata request.
 *
 * <p>The broker would end the JVM on a fatal error ({@code Exit.exit}/{@code halt}); while an in-process broker is
 * open those calls throw instead, so a test JVM reports the failure rather than vanishing.
 *
 * <p>{@link #main(String[])} runs one on its own: {@code java -jar camel-sd-kafka-broker-VERSION-standalone.jar
 * [--port 9092] [--topics prompts,renders] [--until-stdin-closes]}.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The host every listener binds to and advertises. */
    public static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final int ATTEMPTS = 3;

    private static int open;

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, Path logDir, int port) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
    }

    /** Starts a broker on a free port. */
    public static KafkaBroker start() {
        return start(0);
    }

    /**
     * Starts a broker whose client listener is {@code port} (0: a free one). The controller listener always takes a
     * free port. A port that was free when picked but taken before the broker bound it is picked again (3 attempts).
     */
    public static KafkaBroker start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return startOnce(port == 0 ? freePort() : port, freePort());
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
                if (!isBindFailure(e)) {
                    break; // only a port taken meanwhile is worth another attempt
                }
            }
        }
        throw failure;
    }

    private static KafkaBroker startOnce(int port, int controllerPort) {
        Path logDir;
        try {
            logDir = Files.createTempDirectory("kafka-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's log folder", e);
        }
        KafkaRaftServer server = null;
        boolean started = false;
        trapExit();
        try {
            KafkaConfig config = KafkaConfig.fromProps(config(port, controllerPort, logDir), false);
            format(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitReady(port);
            started = true;
            return new KafkaBroker(server, logDir, port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Kafka broker on " + HOST + ":" + port, e);
        } finally {
            if (!started) {
                if (server != null) {
                    try {
                        server.shutdown();
                        server.awaitShutdown();
                    } catch (RuntimeException ignored) {
                        // the start's failure is the one to report
                    }
                }
                deleteRecursively(logDir);
                releaseExit();
            }
        }
    }

    static Properties config(int port, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // one node: every topic, internal ones included, has one replica and as few partitions as make sense
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("auto.create.topics.enable", "true");
        // a fast start and fast consumer groups
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("broker.heartbeat.interval.ms", "200");
        props.put("broker.session.timeout.ms", "9000");
        // no background load that a short-lived broker does not need
        props.put("log.cleaner.enable", "false");
        props.put("auto.leader.rebalance.enable", "false");
        return props;
    }

    /** What {@code kafka-storage.sh format --cluster-id ID --config ...} does, for the one log folder. */
    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /** The broker is ready when a client gets its metadata (KafkaRaftServer.startup returns once it is unfenced). */
    private static void awaitReady(int port) throws InterruptedException, ExecutionException {
        try (Admin admin = admin(HOST + ":" + port)) {
            admin.describeCluster().nodes().get();
        }
    }

    /** {@code 127.0.0.1:PORT}: the value of {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's log folder (a temporary folder, deleted by {@link #close()}). */
    public Path logDir() {
        return logDir;
    }

    /** Creates topics of one partition each; a topic that exists already is left as it is. */
    public void createTopics(String... topics) {
        createTopics(1, topics);
    }

    /** Creates topics of {@code partitions} partitions each; a topic that exists already is left as it is. */
    public void createTopics(int partitions, String... topics) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (String topic : topics) {
            newTopics.add(new NewTopic(topic, partitions, (short) 1));
        }
        try (Admin admin = admin(bootstrapServers())) {
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    created.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + created.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topics not created within 30 s", e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-broker-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    /** Stops the broker (controlled shutdown) and deletes its log folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteRecursively(logDir);
            releaseExit();
        }
    }

    private static synchronized void trapExit() {
        if (open++ == 0) {
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("the in-process Kafka broker asked to exit the JVM (status " + status
                        + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("the in-process Kafka broker asked to halt the JVM (status " + status
                        + "): " + message);
            });
        }
    }

    private static synchronized void releaseExit() {
        if (--open == 0) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /**
     * {@code KafkaBroker [--port PORT] [--topics a,b,c] [--until-stdin-closes]}: starts a broker (PORT 0 or absent: a
     * free one), creates the topics, prints {@code bootstrap.servers=127.0.0.1:PORT}, and runs until the JVM is stopped
     * (Ctrl-C) or, with {@code --until-stdin-closes}, until its standard input ends: a parent process that holds the
     * other end of that pipe stops the broker by closing it, and when the parent dies, however it dies, the pipe closes
     * too and the broker does not outlive it.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        String[] topics = new String[0];
        boolean untilStdinCloses = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--topics" -> topics = value(args, ++i, "--topics").split(",");
                case "--until-stdin-closes" -> untilStdinCloses = true;
                default -> {
                    System.err.println("usage: KafkaBroker [--port PORT] [--topics a,b,c] [--until-stdin-closes]");
                    System.exit(2);
                }
            }
        }
        // slf4j-simple in the standalone jar: the broker's warnings and errors only, unless -D... says otherwise
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        long started = System.nanoTime();
        KafkaBroker broker = start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        if (topics.length > 0) {
            broker.createTopics(topics);
        }
        System.out.println("Kafka broker started in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms (log " + broker.logDir() + ")" + (topics.length > 0 ? ", topics " + String.join(",", topics)
                        : ""));
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        System.out.flush();
        if (untilStdinCloses) {
            awaitEndOfInput();
            System.exit(0); // the shutdown hook closes the broker
        }
        stopped.await();
    }

    private static void awaitEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // what is written is ignored: only the end counts
            }
        } catch (IOException e) {
            // a broken pipe ends the input as well
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
