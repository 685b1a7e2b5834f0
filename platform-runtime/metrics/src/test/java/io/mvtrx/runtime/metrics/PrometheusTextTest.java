package io.mvtrx.runtime.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextTest {

    @Test
    void writesCountersGaugesAndLabelledFamilies() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        byReason.put("CAP", 3L);
        byReason.put("say \"no\"", 1L);

        String text = new PrometheusText("mvtrx_test_")
                .counter("queries", "queries made", 12)
                .gauge("wall_seconds", "wall time", 0.25)
                .gauge("miners", "miners", 4)
                .counter("refused", "refused, by reason", "reason", byReason)
                .toString();

        assertThat(text).isEqualTo("""
                # HELP mvtrx_test_queries_total queries made
                # TYPE mvtrx_test_queries_total counter
                mvtrx_test_queries_total 12
                # HELP mvtrx_test_wall_seconds wall time
                # TYPE mvtrx_test_wall_seconds gauge
                mvtrx_test_wall_seconds 0.25
                # HELP mvtrx_test_miners miners
                # TYPE mvtrx_test_miners gauge
                mvtrx_test_miners 4
                # HELP mvtrx_test_refused_total refused, by reason
                # TYPE mvtrx_test_refused_total counter
                mvtrx_test_refused_total{reason="CAP"} 3
                mvtrx_test_refused_total{reason="say \\"no\\""} 1
                """);
    }

    @Test
    void aHistogramIsCumulativeWithInfSumAndCount() {
        Histogram histogram = new Histogram(0.1, 1);
        histogram.observe(0.05);
        histogram.observe(0.1);
        histogram.observe(0.5);
        histogram.observe(7);
        histogram.observe(Double.NaN);

        String text = new PrometheusText("m_").histogram("step_seconds", "step", histogram.snapshot()).toString();

        assertThat(text).isEqualTo("""
                # HELP m_step_seconds step
                # TYPE m_step_seconds histogram
                m_step_seconds_bucket{le="0.1"} 2
                m_step_seconds_bucket{le="1"} 3
                m_step_seconds_bucket{le="+Inf"} 4
                m_step_seconds_sum 7.65
                m_step_seconds_count 4
                """);
        Scrape scrape = Scrape.parse(text);
        assertThat(scrape.require("m_step_seconds_bucket{le=\"+Inf\"}")).isEqualTo(4.0);
        assertThat(scrape.require("m_step_seconds_sum")).isEqualTo(7.65);
        assertThat(scrape.types()).containsEntry("m_step_seconds", "histogram");
        assertThat(scrape.names()).containsExactly("m_step_seconds_bucket", "m_step_seconds_count",
                "m_step_seconds_sum");
    }

    @Test
    void refusesBadNamesAndAFamilyWrittenTwice() {
        PrometheusText text = new PrometheusText("m_").counter("a", "a", 1);

        assertThatThrownBy(() -> text.counter("a", "again", 2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("metric m_a_total written twice in one scrape");
        assertThatThrownBy(() -> text.gauge("bad-name", "x", 1)).hasMessage("not a metric name: 'm_bad-name'");
        assertThatThrownBy(() -> text.gauge("g", "x", "__le", Map.of())).hasMessage("not a label name: '__le'");
        assertThatThrownBy(() -> new Histogram(1, 1)).hasMessageContaining("strictly increasing");
    }

    @Test
    void aScrapeLineThatIsNotASampleIsNamed() {
        assertThatThrownBy(() -> Scrape.parse("# TYPE a counter\na_total x\n"))
                .hasMessage("line 2: bad value 'x': a_total x");
    }
}
