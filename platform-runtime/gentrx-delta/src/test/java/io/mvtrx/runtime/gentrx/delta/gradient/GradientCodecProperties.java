package io.mvtrx.runtime.gentrx.delta.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;

class GradientCodecProperties {

    /** Any valid gradient survives encode and decode unchanged, through memory and through a stream alike. */
    @Property(tries = 200)
    void decodingAnEncodedGradientGivesItBack(@ForAll("gradients") Gradient gradient) throws IOException {
        byte[] bytes = GradientCodec.encode(gradient);
        var streamed = new ByteArrayOutputStream();
        GradientCodec.encode(gradient, streamed);

        assertThat(streamed.toByteArray()).isEqualTo(bytes);
        ParameterLayout layout = gradient.delta().layout();
        assertThat(GradientCodec.decode(bytes, layout, "g")).isEqualTo(gradient);
        assertThat(GradientCodec.decode(new ByteArrayInputStream(bytes), layout, bytes.length, "g"))
                .isEqualTo(gradient);
    }

    /** Cutting any number of bytes off the end is always refused, never read as a smaller gradient. */
    @Property(tries = 200)
    void everyProperPrefixIsRefused(@ForAll("gradients") Gradient gradient, @ForAll long cut) {
        byte[] bytes = GradientCodec.encode(gradient);
        int length = (int) Math.floorMod(cut, (long) bytes.length);
        byte[] prefix = java.util.Arrays.copyOf(bytes, length);
        try {
            GradientCodec.decode(prefix, gradient.delta().layout(), "g");
            throw new AssertionError("a prefix of " + length + " of " + bytes.length + " bytes was accepted");
        } catch (TensorFileException e) {
            assertThat(e.defect()).isIn(Defect.TRUNCATED, Defect.HEADER_LENGTH);
        }
    }

    @Provide
    Arbitrary<Gradient> gradients() {
        return Arbitraries.longs().map(seed -> {
            var random = new java.util.Random(seed);
            int tensors = 1 + random.nextInt(4);
            var parameters = new ArrayList<ParameterLayout.Parameter>();
            for (int t = 0; t < tensors; t++) {
                parameters.add(new ParameterLayout.Parameter("p" + t, new int[] {1 + random.nextInt(9),
                        1 + random.nextInt(9)}));
            }
            var layout = ParameterLayout.of(parameters);
            var sparse = new ArrayList<SparseTensor>();
            for (ParameterLayout.Parameter parameter : parameters) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                int[] indices = random.ints(0, parameter.elements()).distinct()
                        .limit(random.nextInt(parameter.elements() + 1)).sorted().toArray();
                var values = new float[indices.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                sparse.add(new SparseTensor(parameter.name(), parameter.shape(), indices, values));
            }
            var trajectory = new ArrayList<Double>();
            for (int i = random.nextInt(5); i > 0; i--) {
                trajectory.add(random.nextDouble() * 10);
            }
            var metadata = new GradientMetadata(random.nextInt(1 << 30), random.nextInt(256), trajectory.size(),
                    random.nextDouble(), random.nextDouble(), List.copyOf(trajectory), random.nextInt(100));
            return new Gradient(metadata, new SparseDelta(layout, sparse));
        });
    }
}
