package io.mvtrx.runtime.gentrx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.mvtrx.runtime.gentrx.model.ModelConfig;

import org.junit.jupiter.api.Test;

class ModelConfigTextTest {

    @Test
    void theReferenceAndTinyConfigurationsSurviveTheTextMapWithTheReferenceKeyNames() {
        Map<String, String> reference = ModelConfigText.toMap(ModelConfig.reference());

        assertThat(reference).containsEntry("d_model", "288").containsEntry("n_layers", "8")
                .containsEntry("n_heads", "8").containsEntry("d_ff", "1152").containsEntry("film_layers", "2,5,7")
                .containsEntry("max_mid_delta", "2000");
        assertThat(ModelConfigText.fromMap(reference)).isEqualTo(ModelConfig.reference());
        assertThat(ModelConfigText.fromMap(ModelConfigText.toMap(ModelConfig.tiny()))).isEqualTo(ModelConfig.tiny());
        Map<String, String> python = new HashMap<>(reference);
        python.put("film_layers", "[2, 5, 7]");
        assertThat(ModelConfigText.fromMap(python)).isEqualTo(ModelConfig.reference());
    }

    @Test
    void aMissingOrNonIntegerKeyIsNamed() {
        Map<String, String> map = new HashMap<>(ModelConfigText.toMap(ModelConfig.tiny()));
        map.remove("d_ff");
        assertThatThrownBy(() -> ModelConfigText.fromMap(map)).hasMessage("model_config has no 'd_ff'");
        map.put("d_ff", "sixty-four");
        assertThatThrownBy(() -> ModelConfigText.fromMap(map))
                .hasMessage("model_config 'd_ff' is not an integer: 'sixty-four'");
    }
}
