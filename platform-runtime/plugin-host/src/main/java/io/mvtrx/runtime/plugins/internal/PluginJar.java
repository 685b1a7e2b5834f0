package io.mvtrx.runtime.plugins.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a plugin JAR declares, read before PF4J touches it: the manifest's main attributes and the provider classes
 * listed in each {@code META-INF/services} file.
 *
 * @param path       the JAR
 * @param attributes manifest main attributes (empty if there is no manifest)
 * @param services   service file name (the provider interface) to implementation class names, in file order
 */
record PluginJar(Path path, Attributes attributes, Map<String, List<String>> services) {

    private static final String SERVICES = "META-INF/services/";

    PluginJar {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /**
     * Reads a JAR.
     *
     * @throws java.util.zip.ZipException if it is not a ZIP archive
     * @throws IOException                if it cannot be read
     */
    static PluginJar read(Path path) throws IOException {
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            Map<String, List<String>> services = new LinkedHashMap<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(SERVICES) || name.indexOf('/', SERVICES.length()) >= 0) {
                    continue;
                }
                services.put(name.substring(SERVICES.length()), classNames(jar, entry));
            }
            return new PluginJar(path, attributes, services);
        }
    }

    /** A main attribute, or null when absent or blank. */
    String attribute(String name) {
        String value = attributes.getValue(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> classNames(JarFile jar, JarEntry entry) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = jar.getInputStream(entry);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
