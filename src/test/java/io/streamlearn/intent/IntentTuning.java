package io.streamlearn.intent;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.streamlearn.fixtures.IntentDatasets;

/**
 * Manual tuning aid on CLINC150's validation split (never a test split). Each {@code ;}-separated
 * entry of {@code -Dtune.grid} is one run, e.g.
 * {@code ./mvnw test -Dtest=IntentTuning -Dtune.grid="rate=0.5,ratio=4;rate=1,ratio=8"}.
 * Skipped without {@code tune.grid}; it asserts nothing because it only prints figures.
 */
class IntentTuning {

    @Test
    void printsValidationFiguresForEachGridEntry() {
        String grid = System.getProperty("tune.grid");
        Assumptions.assumeTrue(grid != null, "SKIPPED: tuning runs only with -Dtune.grid=...");
        IntentDatasets.Split validation = IntentDatasets.clinc150Validation();
        for (String entry : grid.split(";")) {
            Map<String, String> p = new HashMap<>();
            for (String pair : entry.split(",")) {
                String[] kv = pair.split("=");
                if (kv.length == 2) {
                    p.put(kv[0].trim(), kv[1].trim());
                }
            }
            IntentConfig config = IntentConfig.builder()
                    .dimension(Integer.parseInt(p.getOrDefault("dim", "64")))
                    .buckets(Integer.parseInt(p.getOrDefault("buckets", "262144")))
                    .charNgrams(Integer.parseInt(p.getOrDefault("nmin", "3")), Integer.parseInt(p.getOrDefault("nmax", "5")))
                    .learningRate(Float.parseFloat(p.getOrDefault("rate", "0.2")))
                    .initScale(Float.parseFloat(p.getOrDefault("init", "0.1")))
                    .rehearsalRatio(Integer.parseInt(p.getOrDefault("ratio", "4")))
                    .stepSize(Integer.parseInt(p.getOrDefault("step", "4")))
                    .calibrationMinSeen(Integer.parseInt(p.getOrDefault("minseen", "20")))
                    .inScopeCoverage(Double.parseDouble(p.getOrDefault("coverage", "0.95")))
                    .seed(Long.parseLong(p.getOrDefault("seed", "42")))
                    .build();
            int batch = Integer.parseInt(p.getOrDefault("batch", "32"));
            IntentReplay.Result r = IntentReplay.run(validation, config, batch);
            System.out.printf("TUNE [%s]: prequential %.4f, raw val %.4f, val in-scope %.4f, oos_val recall %.4f, threshold %.3f, %.0f msg/s%n",
                    entry, r.prequentialAccuracy(), r.rawInScopeAccuracy(), r.inScopeAccuracy(), r.outOfScopeRecall(), r.threshold(),
                    r.messagesPerSecond());
        }
    }
}
