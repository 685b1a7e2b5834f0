package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.testkit.agents.XmlSettings;

/** The agent elements of the live configuration, {@code simulation_0.xml} (a copy of the reference's). */
final class LiveConfig {

    private LiveConfig() {
    }

    /** The whole document. */
    static Settings document() {
        return XmlSettings.read(LiveConfig.class.getResourceAsStream("/simulation_0.xml"));
    }

    /** The {@code <Agents>} child named {@code element}. */
    static Settings agent(String element) {
        return XmlSettings.agent(LiveConfig.class.getResourceAsStream("/simulation_0.xml"), element);
    }
}
