package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * An Ising-style field of {@code numRows × numRows} spins ±1 with Glauber dynamics and a minority-game coupling to
 * the magnetisation (Bornholdt's spin market model; the 0.5.4 reference's {@code MagneticField}, §8). Noise traders
 * read it: instance k owns spin k.
 *
 * <p>Spins start uniformly random. Each update performs {@code n − 1} Glauber updates at uniformly drawn sites
 * ({@code n = numRows²}): with the local field {@code h = J·Σ(8 neighbours, open boundary) − α·s_i·|m̄|} the spin
 * becomes +1 with probability {@code 1/(1 + e^{−2βh})}; {@code m̄} is the magnetisation of the last update, held
 * fixed during the sweep. Then {@code m̄} (the mean spin) and {@code Δm̄} (its change) are recomputed.
 *
 * <p>Components: 0 = {@code m̄} (the value), 1 = {@code Δm̄}, {@code 2 + k} = spin k ({@code k = row·numRows + col}).
 * {@link #set} accepts a spin: {@code set(2 + k, ±1)} sets spin k to the sign given, then performs one Glauber
 * update of that site (the reference's noise trader after placing an order). {@code m̄} and {@code Δm̄} change only
 * at updates.
 *
 * <p>Not thread-safe. Cost per update O(n) (n − 1 site updates of 8 neighbours each).
 */
public final class MagneticField extends SteppedProcess {

    /** Component of the mean spin. */
    public static final int MEAN = 0;
    /** Component of the last change of the mean spin. */
    public static final int CHANGE = 1;
    /** Component of spin 0; spin k is {@code SPINS + k}. */
    public static final int SPINS = 2;

    private final int rows;
    private final int sites;
    private final double alpha;
    private final double beta;
    private final double coupling;
    private final byte[] spins;
    private final SplitMix64 random;
    private double mean;
    private double change;

    /**
     * @param rows         spins per side, >= 1
     * @param alpha        coupling α of a spin to |m̄| (the minority term)
     * @param beta         inverse temperature β
     * @param coupling     neighbour interaction J
     * @param updatePeriod ns between updates
     * @param startTime    simulation start, ns
     * @param random       the process's own stream
     */
    public MagneticField(int rows, double alpha, double beta, double coupling, long updatePeriod, long startTime,
                         SplitMix64 random) {
        super(startTime, updatePeriod);
        if (rows < 1 || rows > 4096) {
            throw new IllegalArgumentException("numRows must be within 1..4096, got " + rows);
        }
        requireFinite("alpha", alpha);
        requireFinite("beta", beta);
        requireFinite("interactionCoef", coupling);
        this.rows = rows;
        this.sites = rows * rows;
        this.alpha = alpha;
        this.beta = beta;
        this.coupling = coupling;
        this.random = random;
        this.spins = new byte[sites];
        for (int i = 0; i < sites; i++) {
            spins[i] = random.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        this.mean = magnetisation();
    }

    @Override
    protected void update(long time) {
        for (int i = 1; i < sites; i++) {
            glauber(random.nextInt(sites));
        }
        double next = magnetisation();
        change = next - mean;
        mean = next;
    }

    @Override
    protected void writeProcessState(StateWriter out) {
        out.writeRandom(random);
        out.writeDouble(mean);
        out.writeDouble(change);
        out.writeBytes(spins);
    }

    @Override
    protected void readProcessState(StateReader in) {
        in.readRandom(random);
        mean = in.readDouble();
        change = in.readDouble();
        byte[] saved = in.readBytes();
        in.check(saved != null && saved.length == sites, "magnetic field: saved %s spins, the field has %d",
                saved == null ? "no" : String.valueOf(saved.length), sites);
        System.arraycopy(saved, 0, spins, 0, sites);
    }

    @Override
    public double value() {
        return mean;
    }

    @Override
    public int components() {
        return SPINS + sites;
    }

    @Override
    public double value(int component) {
        if (component == MEAN) {
            return mean;
        }
        if (component == CHANGE) {
            return change;
        }
        return spins[site(component)];
    }

    @Override
    public void set(int component, double spin) {
        int site = site(component);
        if (!(spin == 1 || spin == -1)) {
            throw new IllegalArgumentException(String.format("spin %d must be set to +1 or -1, got %s",
                    site, spin));
        }
        spins[site] = (byte) spin;
        glauber(site);
    }

    /** Spins per side. */
    public int rows() {
        return rows;
    }

    private int site(int component) {
        if (component < SPINS || component >= SPINS + sites) {
            throw new IndexOutOfBoundsException(String.format(
                    "component %d of a %dx%d magnetic field: 0 mean, 1 change, 2..%d spins",
                    component, rows, rows, SPINS + sites - 1));
        }
        return component - SPINS;
    }

    private void glauber(int site) {
        int row = site / rows;
        int col = site % rows;
        int neighbours = 0;
        for (int r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
            for (int c = Math.max(0, col - 1); c <= Math.min(rows - 1, col + 1); c++) {
                if (r != row || c != col) {
                    neighbours += spins[r * rows + c];
                }
            }
        }
        double field = coupling * neighbours - alpha * spins[site] * Math.abs(mean);
        double up = 1 / (1 + Math.exp(-2 * beta * field));
        spins[site] = random.nextDouble() < up ? (byte) 1 : (byte) -1;
    }

    private double magnetisation() {
        long sum = 0;
        for (byte spin : spins) {
            sum += spin;
        }
        return (double) sum / sites;
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
