package io.backroom.installer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real jars for the tests: sources compiled with the JDK's compiler, then zipped. */
final class TestJars {
    private TestJars() {
    }

    /**
     * Compiles {@code sources} (file name -> Java source, {@code module-info.java} allowed) and jars
     * the classes with {@code extraEntries}; {@code automaticName} goes to the manifest when not null.
     */
    static Path jar(Path jar, Map<String, String> sources, Map<String, byte[]> extraEntries, String automaticName)
            throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        if (!sources.isEmpty()) {
            List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve(source.getKey());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            if (javac.getTask(errors, null, null, args.subList(0, 4), null,
                    javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(args.subList(4, args.size())))
                    .call() != Boolean.TRUE) {
                throw new IllegalStateException("test sources do not compile: " + errors);
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (automaticName != null) {
            manifest.getMainAttributes().putValue("Automatic-Module-Name", automaticName);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            for (Map.Entry<String, byte[]> entry : extraEntries.entrySet()) {
                put(out, entry.getKey(), entry.getValue());
            }
        }
        return jar;
    }

    private static void put(OutputStream stream, String name, byte[] bytes) throws IOException {
        JarOutputStream out = (JarOutputStream) stream;
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
