package io.streamlearn.intent;

import java.util.ArrayList;
import java.util.List;

import io.streamlearn.fixtures.IntentDatasets.Labelled;
import io.streamlearn.fixtures.IntentDatasets.Split;

/**
 * Offline replay of a dataset through the model exactly as the stream processor drives it: the
 * training split as labelled messages in file order (each predicted before it is learned, learned
 * in mini-batches), then the test splits predicted without labels.
 */
final class IntentReplay {

    record Result(double prequentialAccuracy, double rawInScopeAccuracy, double inScopeAccuracy, double outOfScopeRecall, double threshold,
            int intents, double messagesPerSecond, IntentClassifier model) {
    }

    static Result run(Split split, IntentConfig config, int batchSize) {
        IntentClassifier model = new IntentClassifier(config);
        List<IntentExample> pending = new ArrayList<>();
        int correct = 0;
        long start = System.nanoTime();
        for (Labelled message : split.train()) {
            if (model.predict(new IntentQuery(message.text())).intent().equals(message.intent())) {
                correct++;
            }
            pending.add(new IntentExample(message.text(), message.intent()));
            if (pending.size() >= batchSize) {
                model.learn(pending);
                pending.clear();
            }
        }
        model.learn(pending);
        double seconds = (System.nanoTime() - start) / 1e9;
        int inScopeCorrect = 0;
        int rawCorrect = 0;
        for (Labelled message : split.test()) {
            IntentAnswer answer = model.predict(new IntentQuery(message.text()));
            if (answer.intent().equals(message.intent())) {
                inScopeCorrect++;
            }
            if (message.intent().equals(answer.bestIntent())) {
                rawCorrect++;
            }
        }
        int rejected = 0;
        for (Labelled message : split.outOfScope()) {
            if (model.predict(new IntentQuery(message.text())).isUnknown()) {
                rejected++;
            }
        }
        return new Result((double) correct / split.train().size(), (double) rawCorrect / split.test().size(),
                (double) inScopeCorrect / split.test().size(),
                split.outOfScope().isEmpty() ? Double.NaN : (double) rejected / split.outOfScope().size(),
                model.threshold(), model.intents().size(), split.train().size() / seconds, model);
    }
}
