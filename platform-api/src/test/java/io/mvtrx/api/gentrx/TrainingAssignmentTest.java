package io.mvtrx.api.gentrx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainingAssignmentTest {

    private static final BucketAccess BUCKET = new BucketAccess("s3", "https://example.r2.cloudflarestorage.com",
            "validator-bucket", "read-key", "read-secret");

    @Test
    void theSecretNeverAppearsInTextButTheRestDoes() {
        var assignment = new TrainingAssignment(12, 3, List.of("4", "7"), 1_000, 2_000,
                List.of("data/1/4/intervals/00000000-00000500.parquet"), BUCKET, 1, "gentrx/localnet/simulation/",
                Map.of("top_k_frac", "0.1"));

        assertThat(assignment.toString()).contains("read-key", "validator-bucket", "secretKey=***", "round=12")
                .doesNotContain("read-secret");
        assertThat(new BucketAccess("local", "/srv/data", "", "", "").toString()).endsWith("secretKey=]");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStartsAndNegativeRounds() {
        assertThatThrownBy(() -> new TrainingAssignment(1, 0, List.of(), 2_000, 1_000, List.of(), BUCKET, 0, "",
                Map.of())).hasMessage("tsEndNs 1000 is before tsStartNs 2000");
        assertThatThrownBy(() -> new TrainingAssignment(-1, 0, List.of(), 0, 0, List.of(), BUCKET, 0, "", Map.of()))
                .hasMessage("round and modelVersion must be >= 0, got -1 and 0");
    }
}
