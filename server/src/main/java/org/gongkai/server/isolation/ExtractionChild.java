package org.gongkai.server.isolation;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.PluginConfig;

/**
 * The main class of an extraction child process: loads the configured extractors (not the detectors), says it is
 * ready, then reads one request a line from standard input and answers one line on standard output, until standard
 * input ends (the server closed it, or died). Whatever a library prints goes to standard error, never into the
 * answers. The server kills the process at the time-out; the JVM exits on an {@link OutOfMemoryError}
 * ({@code -XX:+ExitOnOutOfMemoryError}), so a child is never left running in a broken state.
 */
public final class ExtractionChild {
    private ExtractionChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        PluginConfig.Environment env = new PluginConfig.Environment(Path.of(System.getProperty("gongkai.dictionaries")),
                Path.of(System.getProperty("gongkai.config")), Path.of(System.getProperty("gongkai.data")));
        List<Extractor> list = PluginRegistry.loadExtractors(env);
        Map<String, Extractor> extractors = new LinkedHashMap<>();
        list.forEach(e -> extractors.put(e.name(), e));
        ExtractionWire wire = new ExtractionWire();
        answers.println(ExtractionWire.READY);
        answers.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String answer;
            try {
                ExtractionWire.Request r = wire.readRequest(line);
                Extractor x = extractors.get(r.extractor());
                if (x == null) {
                    throw new ExtractionException(ExtractionException.Reason.UNSUPPORTED, "解析进程中没有提取器 " + r.extractor() + " / no extractor " + r.extractor());
                }
                answer = wire.answer(x.extract(r.file(), r.mediaType(), r.limits()));
            } catch (ExtractionException e) {
                answer = wire.failure(e);
            } catch (Exception | StackOverflowError e) {
                answer = wire.failure(new ExtractionException(ExtractionException.Reason.CORRUPT,
                        "文件已损坏或格式异常，无法读取，请另存为新文件后重新上传 / the file is damaged or malformed (" + e.getClass().getSimpleName()
                                + "); re-save it and upload again"));
            }
            answers.println(answer);
            answers.flush();
        }
    }
}
