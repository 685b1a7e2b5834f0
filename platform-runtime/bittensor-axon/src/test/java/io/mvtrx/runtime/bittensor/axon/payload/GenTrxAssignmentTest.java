package io.mvtrx.runtime.bittensor.axon.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;

import org.junit.jupiter.api.Test;

class GenTrxAssignmentTest {

    @Test
    void aSynapseBecomesTheAssignmentATradingAgentReceives() {
        Map<String, Object> withAdvice = new java.util.HashMap<>(Map.of("round", 12L, "model_version", 3L,
                "books", List.of("0", "1"), "ts_start", 1_000L, "ts_end", 2_000L,
                "data", List.of("data/5/0/intervals/a.parquet"), "data_source", "s3",
                "data_endpoint", "https://r2.example", "data_bucket", "bkt"));
        withAdvice.put("data_access_key", "AK");
        withAdvice.put("data_secret_key", "SK");
        withAdvice.put("validator_uid", 5L);
        withAdvice.put("advice", Map.of("top_k_frac", 0.25));

        TrainingAssignment assignment = GenTrxAssignment.from(withAdvice).toTrainingAssignment();

        assertThat(assignment).isEqualTo(new TrainingAssignment(12, 3, List.of("0", "1"), 1_000, 2_000,
                List.of("data/5/0/intervals/a.parquet"), new BucketAccess("s3", "https://r2.example", "bkt", "AK",
                "SK"), 5, "", Map.of("top_k_frac", "0.25")));
    }
}
