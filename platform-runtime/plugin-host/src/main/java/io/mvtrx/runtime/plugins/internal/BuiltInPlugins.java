package io.mvtrx.runtime.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.runtime.plugins.PluginInfo;
import io.mvtrx.runtime.plugins.PluginInfo.Origin;

/**
 * Finds the built-in plugins: every provider ServiceLoader sees through a class loader (named modules on the module
 * path via their {@code provides}, class-path JARs via {@code META-INF/services}), grouped by the JAR or module they
 * come from, plus every JAR whose manifest carries a {@code Plugin-Id} even if it provides nothing yet.
 *
 * <p>A group's id is its manifest {@code Plugin-Id}, else its module name, else the JAR name; its version is
 * {@code Plugin-Version}, else the module version, else {@code Implementation-Version}.
 *
 * <p>Runs once per host start on the caller's thread; cost is one ServiceLoader pass per extension point and one
 * manifest read per class-path entry.
 */
public final class BuiltInPlugins {

    private static final int MAX_DISCOVERY_ERRORS = 100;

    private final ClassLoader loader;
    private final Map<Path, String> modulesByLocation = new HashMap<>();
    private final Map<String, LoadedPlugin> groups = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private BuiltInPlugins(ClassLoader loader) {
        this.loader = loader;
        for (ResolvedModule module : ModuleLayer.boot().configuration().modules()) {
            module.reference().location()
                    .filter(uri -> "file".equals(uri.getScheme()))
                    .ifPresent(uri -> modulesByLocation.put(Path.of(uri).toAbsolutePath().normalize(),
                            module.name()));
        }
    }

    /** The result: built-in plugins sorted by id, and problems no plugin can be blamed for. */
    public record Result(List<LoadedPlugin> plugins, List<String> problems) {
    }

    /** Finds the built-in plugins visible through {@code loader}. */
    public static Result load(ClassLoader loader) {
        BuiltInPlugins builtIns = new BuiltInPlugins(loader);
        builtIns.findDescribedJars();
        for (ExtensionPoint point : ExtensionPoint.values()) {
            builtIns.findProviders(point);
        }
        List<LoadedPlugin> sorted = new ArrayList<>(builtIns.groups.values());
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        return new Result(sorted, builtIns.problems);
    }

    private void findDescribedJars() {
        Enumeration<URL> manifests;
        try {
            manifests = loader.getResources(JarFile.MANIFEST_NAME);
        } catch (IOException e) {
            problems.add("built-in plugins: cannot list JAR manifests: " + Providers.describe(e));
            return;
        }
        for (URL url : Collections.list(manifests)) {
            Optional<Path> location = containerOf(url);
            if (location.isEmpty()) {
                continue;
            }
            Optional<Manifest> manifest = read(url);
            if (manifest.isPresent() && manifest.get().getMainAttributes().getValue("Plugin-Id") != null) {
                group(location.get(), Optional.empty());
            }
        }
    }

    private void findProviders(ExtensionPoint point) {
        ServiceLoader<? extends PluginProvider> services = ServiceLoader.load(point.providerType(), loader);
        Iterator<? extends ServiceLoader.Provider<? extends PluginProvider>> found = services.stream().iterator();
        int errors = 0;
        while (true) {
            ServiceLoader.Provider<? extends PluginProvider> provider;
            try {
                if (!found.hasNext()) {
                    return;
                }
                provider = found.next();
            } catch (ServiceConfigurationError e) {
                // ServiceLoader names the service and the provider class but not the JAR; continue with the next
                problems.add(String.format("built-in %s: %s", point.label(), e.getMessage()));
                if (++errors >= MAX_DISCOVERY_ERRORS) {
                    return;
                }
                continue;
            }
            Class<? extends PluginProvider> type = provider.type();
            LoadedPlugin plugin = group(codeSource(type).orElse(null), Optional.of(type.getModule()));
            plugin.declare();
            Providers.create(plugin, point, type.getName(), type.getClassLoader(), provider::get);
        }
    }

    private LoadedPlugin group(Path location, Optional<Module> module) {
        String key = location == null
                ? module.filter(Module::isNamed).map(Module::getName).orElse("unknown")
                : location.toString();
        return groups.computeIfAbsent(key, unused -> identify(location, module));
    }

    private LoadedPlugin identify(Path location, Optional<Module> providerModule) {
        Optional<ModuleDescriptor> descriptor = providerModule.filter(Module::isNamed).map(Module::getDescriptor);
        String moduleName = descriptor.map(ModuleDescriptor::name)
                .orElseGet(() -> location == null ? null : modulesByLocation.get(location));
        if (descriptor.isEmpty() && moduleName != null) {
            descriptor = ModuleLayer.boot().findModule(moduleName).map(Module::getDescriptor);
        }
        Attributes attributes = location == null ? new Attributes() : manifestAt(location);

        String id = attributes.getValue("Plugin-Id");
        if (id == null) {
            id = moduleName != null ? moduleName : nameOf(location);
        }
        String version = attributes.getValue("Plugin-Version");
        if (version == null) {
            version = descriptor.flatMap(ModuleDescriptor::rawVersion)
                    .orElse(attributes.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
        }
        if (version == null) {
            version = PluginInfo.UNKNOWN_VERSION;
        }
        String where = moduleName != null ? moduleName : String.valueOf(location);
        return new LoadedPlugin(id, version, Origin.BUILT_IN, where, where);
    }

    /** A JAR's file name without {@code .jar}; for a Maven {@code target/classes} directory, the project folder. */
    private static String nameOf(Path location) {
        if (location == null) {
            return "unknown";
        }
        String name = location.getFileName().toString();
        Path parent = location.getParent();
        if ((name.equals("classes") || name.equals("test-classes")) && parent != null
                && parent.getFileName().toString().equals("target") && parent.getParent() != null) {
            return parent.getParent().getFileName().toString();
        }
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    private static Optional<Path> codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            URI uri = source.getLocation().toURI();
            return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The JAR or directory a {@code META-INF/MANIFEST.MF} resource belongs to. */
    private static Optional<Path> containerOf(URL manifest) {
        try {
            String text = manifest.toString();
            if (text.startsWith("jar:")) {
                int bang = text.indexOf("!/");
                URI jar = new URI(text.substring("jar:".length(), bang < 0 ? text.length() : bang));
                return "file".equals(jar.getScheme()) ? Optional.of(Path.of(jar).toAbsolutePath().normalize())
                        : Optional.empty();
            }
            if ("file".equals(manifest.getProtocol())) {
                Path file = Path.of(manifest.toURI()).toAbsolutePath().normalize();
                return Optional.of(file.getParent().getParent());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Manifest> read(URL url) {
        try (InputStream in = url.openStream()) {
            return Optional.of(new Manifest(in));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Attributes manifestAt(Path location) {
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(JarFile.MANIFEST_NAME);
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        return new Manifest(in).getMainAttributes();
                    }
                }
            } else if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile(), false)) {
                    Manifest manifest = jar.getManifest();
                    if (manifest != null) {
                        return manifest.getMainAttributes();
                    }
                }
            }
        } catch (IOException e) {
            // no readable manifest: the group is named after its module or JAR
        }
        return new Attributes();
    }
}
