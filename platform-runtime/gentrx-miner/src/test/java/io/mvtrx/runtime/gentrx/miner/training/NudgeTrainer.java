package io.mvtrx.runtime.gentrx.miner.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

import io.mvtrx.runtime.gentrx.data.window.Window;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * A deterministic stand-in for the model (not the model): each step moves every parameter half way to a target and
 * reports the mean squared distance before the move as its loss; each step costs {@code perStep} on the test clock.
 */
final class NudgeTrainer implements ModelTrainer {

    private TensorSet parameters;
    private final TensorSet target;
    private final MutableClock clock;
    private final Duration perStep;
    final TreeSet<Integer> filesSeen = new TreeSet<>();
    final List<Integer> windowsOffered = new ArrayList<>();

    NudgeTrainer(TensorSet initial, TensorSet target, MutableClock clock, Duration perStep) {
        this.parameters = Fixtures.copy(initial);
        this.target = target;
        this.clock = clock;
        this.perStep = perStep;
    }

    @Override
    public TensorSet parameters() {
        return Fixtures.copy(parameters);
    }

    @Override
    public void load(TensorSet loaded) {
        parameters = Fixtures.copy(loaded);
    }

    @Override
    public TrainResult train(TrainingWindows windows, RoundBudget budget, int stepCap, DoubleConsumer perStepLoss) {
        windowsOffered.add(windows.size());
        List<Double> losses = new ArrayList<>();
        int steps = 0;
        while (!budget.exhausted() && (stepCap == 0 || steps < stepCap)) {
            Window window = windows.window(steps % windows.size());
            filesSeen.add(window.file());
            double loss = distance(parameters, target);
            perStepLoss.accept(loss);
            losses.add(loss);
            for (int t = 0; t < parameters.tensors().size(); t++) {
                float[] p = parameters.tensors().get(t).values();
                float[] goal = target.tensors().get(t).values();
                for (int i = 0; i < p.length; i++) {
                    p[i] += 0.5f * (goal[i] - p[i]);
                }
            }
            steps++;
            clock.advance(perStep);
        }
        return new TrainResult(steps, losses);
    }

    /** Mean squared difference over every element. */
    static double distance(TensorSet a, TensorSet b) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < a.tensors().size(); t++) {
            float[] x = a.tensors().get(t).values();
            float[] y = b.tensors().get(t).values();
            for (int i = 0; i < x.length; i++) {
                double d = (double) x[i] - y[i];
                sum += d * d;
                n++;
            }
        }
        return sum / n;
    }
}
