package io.mvtrx.runtime.validator.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference's Pareto reward multipliers: {@code float32(sorted(scale · default_rng(seed).pareto(shape, n)))}.
 *
 * <p>numpy's {@code Generator.pareto(a)} is {@code expm1(E / a)} of its standard-exponential stream {@code E}
 * (PCG64 and the ziggurat method), sample by sample, so the vector for any {@code n}, shape and scale is a function
 * of the first {@code n} exponential draws. Those draws of the reference seed are bundled exactly
 * ({@value #BUNDLED} of them, {@code pareto-exponentials.txt}); {@code expm1} is {@link StrictMath#expm1}, which can
 * differ from the C library's in the last bit of a double but not, in any of the bundled draws for shapes 0.7, 1,
 * 1.42 and 2.5, after the rounding to float32.
 */
public final class ParetoMultipliers {

    /** The reference's {@code --rewarding.seed}. */
    public static final long REFERENCE_SEED = 898_746_039_182L;

    /** How many exponential draws are bundled: the largest uid count supported. */
    public static final int BUNDLED = 2048;

    private static final double[] EXPONENTIALS = load();

    private ParetoMultipliers() {
    }

    /**
     * The ascending float32 multiplier vector for {@code n} uids.
     *
     * @throws IllegalArgumentException if {@code n} is not within [1, {@value #BUNDLED}]
     */
    public static float[] of(int n, double shape, double scale) {
        if (n < 1 || n > BUNDLED) {
            throw new IllegalArgumentException(String.format(
                    "the Pareto multipliers are bundled for 1..%d uids, asked for %d", BUNDLED, n));
        }
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = scale * StrictMath.expm1(EXPONENTIALS[i] / shape);
        }
        Arrays.sort(samples);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) samples[i];
        }
        return d;
    }

    private static double[] load() {
        List<Double> values = new ArrayList<>(BUNDLED);
        try (InputStream in = ParetoMultipliers.class.getResourceAsStream("pareto-exponentials.txt")) {
            if (in == null) {
                throw new IllegalStateException("pareto-exponentials.txt is missing from the validator module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    values.add(Double.parseDouble(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pareto-exponentials.txt", e);
        }
        if (values.size() != BUNDLED) {
            throw new IllegalStateException("pareto-exponentials.txt holds " + values.size() + " draws, expected "
                    + BUNDLED);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
