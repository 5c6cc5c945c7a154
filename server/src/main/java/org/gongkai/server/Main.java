package org.gongkai.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.server.cli.CheckCommand;
import org.gongkai.server.config.ServerConfig;

/**
 * Command line: {@code serve [--port N] [--data DIR]}, {@code check FILE… [--attribute A] [--reason TEXT]},
 * {@code bench}, {@code accuracy}. Exit codes: 0 done, 1 failure, 2 usage error.
 */
public final class Main {
    private static final String USAGE = """
            用法 / usage:
              gongkai serve [--port N] [--data DIR]          启动服务 / run the server
              gongkai check FILE… [--attribute A] [--reason TEXT]   检查文件，输出 JSON Lines / check files
              gongkai bench [--seconds N]                   性能测试 / benchmarks
              gongkai bench --server [--clients 1,4,16]     与 Tika 服务对比的端到端测试 / end to end against Tika server
              gongkai accuracy [DIR]                         准确率表 / precision and recall per category
              gongkai users add|list|passwd|roles|disable|enable|unlock …   账户管理（无需启动服务）/ manage accounts
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        String cmd = args[0];
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            return switch (cmd) {
                case "serve" -> serve(rest);
                case "check" -> check(rest);
                case "bench" -> org.gongkai.server.bench.Benchmarks.run(rest, config(null, null));
                case "accuracy" -> org.gongkai.server.accuracy.AccuracyReport.run(rest, config(null, null));
                case "users" -> new org.gongkai.server.account.UsersCommand(config(null, null), System.in, System.out, System.err).run(rest);
                case "-h", "--help", "help" -> {
                    System.out.print(USAGE);
                    yield 0;
                }
                default -> usage("未知命令 / unknown command: " + cmd);
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
    }

    private static int usage(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        return 2;
    }

    private static ServerConfig config(Integer port, Path data) {
        return ServerConfig.fromEnvironment(System.getenv(), port, data);
    }

    private static int serve(List<String> args) {
        Integer port = null;
        Path data = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                default -> throw new UsageException("未知参数 / unknown option: " + args.get(i));
            }
        }
        App app = App.create(config(port, data));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gongkai-shutdown"));
        app.start();
        System.err.println("gongkai 已启动 / started: http://" + app.config().bind() + ":" + app.port() + "/  data: " + app.config().dataDir());
        return waitForever();
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int check(List<String> args) {
        List<String> files = new ArrayList<>();
        String attribute = null;
        String reason = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--attribute" -> attribute = value(args, ++i, "--attribute");
                case "--reason" -> reason = value(args, ++i, "--reason");
                default -> {
                    if (args.get(i).startsWith("--")) {
                        throw new UsageException("未知参数 / unknown option: " + args.get(i));
                    }
                    files.add(args.get(i));
                }
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("请指定要检查的文件 / name at least one file to check");
        }
        return new CheckCommand(config(null, null), System.out, System.err).run(files, attribute, reason);
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " 需要一个值 / needs a value");
        }
        return args.get(i);
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("端口无效 / invalid port: " + s);
        }
    }

    /** A command-line mistake: exit 2 with the usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
