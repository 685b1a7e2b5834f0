package io.mvtrx.runtime.plugins.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.ServiceConfigurationError;

import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;

/**
 * Creates providers and turns what goes wrong into the reason part of a problem line.
 *
 * <p>Stateless.
 */
final class Providers {

    private Providers() {
    }

    /** Something that creates a provider instance and may throw. */
    @FunctionalInterface
    interface Creator {
        Object create() throws ReflectiveOperationException;
    }

    /**
     * Creates a provider with {@code loader} as the thread context class loader (a plugin calling a library that uses
     * ServiceLoader must find the plugin's own services), asks its name and records it in {@code plugin}, or records
     * why that failed.
     */
    static void create(LoadedPlugin plugin, ExtensionPoint point, String className, ClassLoader loader,
            Creator creator) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object instance;
            try {
                instance = creator.create();
            } catch (NoSuchMethodException e) {
                plugin.problem("provider %s failed: no public no-argument constructor", className);
                return;
            } catch (InvocationTargetException e) {
                plugin.problem("provider %s failed: constructor threw %s", className, describe(e.getCause()));
                return;
            } catch (ServiceConfigurationError e) {
                plugin.problem("provider %s failed: %s", className, creationFailure(e));
                return;
            } catch (ExceptionInInitializerError e) {
                plugin.problem("provider %s failed: static initializer threw %s", className,
                        describe(e.getCause()));
                return;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                plugin.problem("provider %s failed: %s", className, describe(e));
                return;
            }
            if (!(instance instanceof PluginProvider provider) || !point.providerType().isInstance(instance)) {
                plugin.problem("provider %s does not implement %s", className, point.providerType().getName());
                return;
            }
            String name;
            try {
                name = provider.name();
            } catch (RuntimeException | LinkageError e) {
                plugin.problem("provider %s failed: name() threw %s", className, describe(e));
                return;
            }
            if (name == null || name.isBlank()) {
                plugin.problem("provider %s failed: name() is blank", className);
                return;
            }
            plugin.add(point, name, className, provider);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The reason a ServiceLoader provider could not be created. */
    private static String creationFailure(ServiceConfigurationError error) {
        Throwable cause = error.getCause();
        if (cause instanceof InvocationTargetException ite) {
            cause = ite.getCause();
        }
        if (cause instanceof ExceptionInInitializerError init) {
            return "static initializer threw " + describe(init.getCause());
        }
        if (cause == null) {
            return error.getMessage();
        }
        return "constructor threw " + describe(cause);
    }

    /** {@code SimpleName: message}, or the simple name alone when there is no message. */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "an unknown error";
        }
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
