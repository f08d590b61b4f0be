package vn.lienthong.gateway.infrastructure.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarClassResolverTest {

    @TempDir
    Path dir;

    @Test
    void camelFactoryFilesComeFromTheWarAloneOtherResourcesStillFromItsParents() throws IOException {
        Path server = write(dir.resolve("server"), WarClassResolver.CAMEL_FACTORIES + "component/server-only", "class=x");
        write(server, "server-config.txt", "shared");
        Path war = write(dir.resolve("war"), WarClassResolver.CAMEL_FACTORIES + "component/mine", "class=y");
        try (URLClassLoader serverLoader = new URLClassLoader(new URL[] {server.toUri().toURL()}, null);
                URLClassLoader warLoader = new URLClassLoader(new URL[] {war.toUri().toURL()}, serverLoader)) {
            WarClassResolver resolver = new WarClassResolver(new DefaultCamelContext(false), warLoader);

            assertNotNull(resolver.loadResourceAsURL(WarClassResolver.CAMEL_FACTORIES + "component/mine"));
            assertNull(resolver.loadResourceAsURL(WarClassResolver.CAMEL_FACTORIES + "component/server-only"));
            assertNull(resolver.loadResourceAsStream(WarClassResolver.CAMEL_FACTORIES + "component/server-only"));
            assertEquals(1, Collections.list(
                    resolver.loadAllResourcesAsURL(WarClassResolver.CAMEL_FACTORIES + "component/mine")).size());
            // Not a Camel factory file: the usual delegation, the server's copy is found.
            Thread.currentThread().setContextClassLoader(warLoader);
            assertNotNull(resolver.loadResourceAsURL("server-config.txt"));
        } finally {
            Thread.currentThread().setContextClassLoader(WarClassResolverTest.class.getClassLoader());
        }
    }

    @Test
    void aCamelContextFindsItsComponentsThroughTheResolver() throws Exception {
        try (URLClassLoader war = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
                DefaultCamelContext camel = started(war)) {
            assertEquals("pong", camel.createProducerTemplate().requestBody("direct:ping", "ping", String.class));
        }
    }

    @Test
    void aWarWithoutCamelsFactoryFilesFindsNoComponent() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            // Proves the factory look-ups go through the resolver: the test's own class path has them
            // (here the first missing one is the simple language, needed before any route).
            assertThrows(RuntimeCamelException.class, () -> started(empty).close());
        }
    }

    private static DefaultCamelContext started(ClassLoader war) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext(false);
        camel.setClassResolver(new WarClassResolver(camel, war));
        camel.build();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ping").routeId("ping").setBody(constant("pong"));
            }
        });
        camel.start();
        return camel;
    }

    private static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }

    private static Path write(Path root, String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return root;
    }
}
