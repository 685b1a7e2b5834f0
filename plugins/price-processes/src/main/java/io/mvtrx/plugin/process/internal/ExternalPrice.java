package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * A recorded price feed: at each update time the value becomes the series' price at that time (step
 * interpolation: the last row at or before it); before the first row it is the initial value. No randomness.
 *
 * <p>Component 1 is the number of rows passed so far (0 before the first row). Not thread-safe; amortised O(1)
 * per update.
 */
public final class ExternalPrice extends SteppedProcess {

    private final PriceSeries.Cursor cursor;
    private final PriceSeries series;
    private double value;

    /**
     * @param series       the recorded prices
     * @param updatePeriod ns between updates
     * @param initialValue value before the first row
     * @param startTime    simulation start, ns
     */
    public ExternalPrice(PriceSeries series, long updatePeriod, double initialValue, long startTime) {
        super(startTime, updatePeriod);
        this.series = series;
        this.cursor = series.cursor();
        this.value = initialValue;
    }

    @Override
    protected void update(long time) {
        int row = cursor.seek(time);
        if (row >= 0) {
            value = series.price(row);
        }
    }

    @Override
    protected void writeProcessState(StateWriter out) {
        out.writeInt(cursor.row());
        out.writeDouble(value);
    }

    @Override
    protected void readProcessState(StateReader in) {
        cursor.restore(in.readInt());
        value = in.readDouble();
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int components() {
        return 2;
    }

    @Override
    public double value(int component) {
        return switch (component) {
            case 0 -> value;
            case 1 -> cursor.row() + 1;
            default -> throw new IndexOutOfBoundsException(String.format(
                    "component %d of an external price: 0 price, 1 rows passed", component));
        };
    }
}
