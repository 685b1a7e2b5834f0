package io.mvtrx.plugin.process;

import io.mvtrx.api.settings.Settings;

/** The {@code <Processes>} children of the live configuration (reference simulation_0.xml), as settings. */
final class ProductionSettings {

    private ProductionSettings() {
    }

    /** Each element as its own root under the live path. */
    static Settings processes() {
        return Settings.builder("Processes")
                .child(fundamentalPrice())
                .child(futuresSignal())
                .child(magneticField())
                .build();
    }

    static Settings.Builder fundamentalPrice() {
        return Settings.builder("FundamentalPrice")
                .attribute("name", "fundamental")
                .attribute("seedInterval", "30000000000")
                .attribute("mu", "0.0")
                .attribute("sigma", "0.034")
                .attribute("lambda", "0.000206")
                .attribute("muJump", "0.0")
                .attribute("sigmaJump", "0.025")
                .attribute("updatePeriod", "30000000000")
                .attribute("Hurst", "0.75")
                .attribute("epsilon", "0.07");
    }

    static Settings.Builder futuresSignal() {
        return Settings.builder("FuturesSignal")
                .attribute("name", "external")
                .attribute("lambda", "0.001155")
                .attribute("seedInterval", "10000000000")
                .attribute("updatePeriod", "10000000000");
    }

    static Settings.Builder magneticField() {
        return Settings.builder("MagneticField")
                .attribute("name", "magneticfield")
                .attribute("numRows", "32")
                .attribute("beta", "0.5")
                .attribute("alpha", "20.0")
                .attribute("updatePeriod", "60000000000");
    }

    /** The named child of {@link #processes()}, with its path under {@code /Processes}. */
    static Settings element(String name) {
        return processes().child(name).orElseThrow();
    }
}
