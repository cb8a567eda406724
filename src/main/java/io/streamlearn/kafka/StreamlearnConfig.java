package io.streamlearn.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code streamlearn.*} key; README "Configuration" documents each one. */
@ConfigMapping(prefix = "streamlearn")
public interface StreamlearnConfig {

    Kafka kafka();

    EmbeddedBroker embeddedBroker();

    Topics topics();

    Validation validation();

    Recommend recommend();

    Intent intent();

    Demo demo();

    Compute compute();

    interface Compute {
        /** Threads ND4J's native code uses per operation (see NativeThreads). */
        @WithDefault("1")
        int nativeThreads();

        /**
         * Threads that help the stream threads select recommendations (top-K) and step the
         * recommender's mini-batches; shared by every task of the instance. 0 (the default): the
         * stream threads work alone. A helper pays only where it finds an idle core: on a busy one,
         * waking it and waiting for it costs the stream thread more than the help gives.
         */
        @WithDefault("0")
        int helperThreads();

        /**
         * Which OpenBLAS kernels the matrix products run on (see OpenBlasKernels): {@code auto}
         * (AVX-512 kernels on a CPU with AVX-512, AVX2 kernels on one with AVX2 and FMA), {@code openblas}
         * (OpenBLAS's own choice, or an {@code OPENBLAS_CORETYPE} set outside), or a core type
         * OpenBLAS knows, e.g. {@code Haswell}.
         */
        @WithDefault("auto")
        String openblasCoreType();
    }

    interface Kafka {
        /** The user's cluster; when absent the service runs its embedded broker. */
        Optional<String> bootstrapServers();

        @WithDefault("true")
        boolean createTopics();
    }

    interface EmbeddedBroker {
        @WithDefault("9092")
        int port();

        @WithDefault("data/kafka")
        Path dataDir();

        /** One local instance gains nothing from more partitions: each would train its own replica. */
        @WithDefault("1")
        int partitions();
    }

    interface Topics {
        @WithDefault("interactions")
        String interactions();

        @WithDefault("recommendations")
        String recommendations();

        @WithDefault("streamlearn-dlq")
        String deadLetters();

        @WithDefault("support-messages")
        String supportMessages();

        @WithDefault("support-predictions")
        String supportPredictions();

        @WithDefault("support-feedback")
        String supportFeedback();

        @WithDefault("streamlearn-model-sync")
        String modelSync();
    }

    interface Validation {
        @WithDefault("65536")
        int maxRecordBytes();

        @WithDefault("256")
        int maxIdLength();

        @WithDefault("8")
        int maxNestingDepth();

        @WithDefault("10000")
        int maxTextLength();
    }

    interface Recommend {
        @WithDefault("10")
        int topK();

        @WithDefault("64")
        int batchSize();

        @WithDefault("200ms")
        Duration maxWait();

        /** Interactions answered together (one matrix product), at most this many at a time. */
        @WithDefault("64")
        int answerBatchSize();

        /** Answer waiting interactions once the oldest has waited this long. */
        @WithDefault("5ms")
        Duration answerMaxWait();

        @WithDefault("64")
        int dimension();

        @WithDefault("20")
        int historyLength();

        @WithDefault("0.8")
        float historyDecay();

        @WithDefault("32")
        int negatives();

        @WithDefault("0.5")
        float learningRate();

        @WithDefault("0.1")
        float initScale();

        @WithDefault("1000000")
        int itemCapacity();

        @WithDefault("PT0S")
        Duration itemIdle();

        @WithDefault("42")
        long seed();

        /** Clusters of items answers take their candidates from; 0 scores every item for every answer. */
        @WithDefault("128")
        int candidateClusters();

        /** Clusters whose items each answer scores. */
        @WithDefault("32")
        int candidateProbes();

        /** Mini-batches between writes of the model's rows; the batches in between are journaled. */
        @WithDefault("500")
        int checkpointInterval();

        Sync sync();
    }

    /** Parameter sharing between the tasks' model replicas through the sync topic. */
    interface Sync {
        /** Off: each task learns from its own partition only. Always off when interactions has one partition. */
        @WithDefault("true")
        boolean enabled();

        /** How often each task publishes its increments and folds in the others'. */
        @WithDefault("250ms")
        Duration interval();

        /** Exchanges per checkpoint of the model's rows; the others are recorded and redone on restore. */
        @WithDefault("20")
        int checkpointEvery();

        /** How long every instance's archive keeps each task's publications, for tasks that fall behind. */
        @WithDefault("2m")
        Duration retention();
    }

    interface Intent {
        /** Labelled messages per mini-batch update. */
        @WithDefault("32")
        int batchSize();

        @WithDefault("200ms")
        Duration maxWait();

        /** Partitions of the internal topics feeding the intent task = independent intent models. */
        @WithDefault("1")
        int modelPartitions();

        /** How long a message's text is kept for feedback. */
        @WithDefault("P7D")
        Duration messageRetention();

        @WithDefault("131072")
        int featureBuckets();

        @WithDefault("3")
        int charNgramMin();

        @WithDefault("3")
        int charNgramMax();

        @WithDefault("256")
        int dimension();

        @WithDefault("0.5")
        float learningRate();

        @WithDefault("1000")
        int maxIntents();

        @WithDefault("20000")
        int rehearsalCapacity();

        @WithDefault("12")
        int rehearsalRatio();

        @WithDefault("8")
        int stepSize();

        @WithDefault("3")
        int alternatives();

        /** Share of in-scope messages the calibrated threshold keeps; ignored when a fixed threshold is set. */
        @WithDefault("0.99")
        double inScopeCoverage();

        /** A fixed out-of-scope threshold instead of the calibrated one. */
        OptionalDouble confidenceThreshold();

        @WithDefault("2000")
        int calibrationWindow();

        @WithDefault("20")
        int calibrationMinSeen();

        /** Mini-batches between writes of the model's rows; the batches in between are journaled. */
        @WithDefault("200")
        int checkpointInterval();

        /** New intents start at their first message's representation at this share of the others' norm; 0 = off. */
        @WithDefault("0")
        double imprintScale();

        @WithDefault("42")
        long seed();
    }

    interface Demo {
        /** off, synthetic, or movielens (replays {@code file}). */
        @WithDefault("off")
        String mode();

        Optional<Path> file();

        /** Events per second the demo feeder produces. */
        @WithDefault("200")
        int rate();

        /** Stop after this many events (0 = no limit). */
        @WithDefault("0")
        long limit();
    }
}
