package org.gongkai.server.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.queue.QueueConfig;
import org.gongkai.server.storage.Database;

/**
 * {@code ./gongkai users …}: creates the first accounts of a fresh installation, and repairs accounts, without a
 * running server, straight on the database (with the embedded H2 database, stop the server first). It acts as
 * the installer ({@code cli:<OS user>}), and every change is in the security audit like a change made over HTTP.
 */
public final class UsersCommand {
    static final String USAGE = """
            用法 / usage:
              gongkai users add USERNAME --name 姓名 --roles ROLE[,ROLE…] [--department 部门] [--stages 科室负责人,…] [--password-stdin]
              gongkai users list
              gongkai users passwd USERNAME [--password-stdin]     重置口令（下次登录须修改）/ reset the password
              gongkai users roles USERNAME --roles ROLE[,ROLE…] [--stages …]
              gongkai users disable|enable|unlock USERNAME
            Roles: DRAFTER DOCUMENT_OFFICE SECRECY_REVIEWER APPROVER AUDITOR SECURITY_ADMIN SYSTEM_ADMIN
            Without --password-stdin a random initial password is printed once; it must be changed at the first sign-in.
            """;
    private final ServerConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final java.io.InputStream in;

    public UsersCommand(ServerConfig config, java.io.InputStream in, PrintStream out, PrintStream err) {
        this.config = config;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** @return 0 done, 1 refused or failed, 2 usage error */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Database db;
        try {
            db = new Database(config.dbUrl(), config.dbUser(), config.dbPassword());
        } catch (RuntimeException e) {
            err.println("无法打开数据库（使用内嵌数据库时请先停止服务器）/ cannot open the database (stop the server first when it uses the embedded "
                    + "database): " + rootMessage(e));
            return 1;
        }
        try (db) {
            Clock clock = Clock.systemUTC();
            AccountService accounts = new AccountService(db, new PasswordHasher(), new PasswordPolicy(), new SecurityAudit(db, clock), clock,
                    QueueConfig.load(config.configDir().resolve("queues.properties")).approverStages());
            return execute(o, accounts);
        } catch (ApiException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("无法读取口令 / cannot read the password: " + e.getMessage());
            return 1;
        }
    }

    private int execute(Options o, AccountService accounts) throws IOException {
        Actor cli = installer();
        switch (o.command) {
            case "add" -> {
                String password = o.passwordStdin ? readPassword() : generated();
                Account.View v = accounts.create(cli, new AccountService.NewAccount(o.username(), o.name, password, o.department, o.roles, o.stages), "cli");
                out.println("已创建账户 / created: " + v.username() + "（" + v.displayName() + "）角色 " + v.roles());
                if (!o.passwordStdin) {
                    out.println("初始口令（仅显示一次，首次登录须修改）/ initial password (shown once; must be changed at first sign-in): " + password);
                }
            }
            case "list" -> {
                for (Account.View v : accounts.list(cli, 0, 500)) {
                    out.println(v.username() + "\t" + v.displayName() + "\t" + (v.department() == null ? "-" : v.department()) + "\t" + v.roles()
                            + (v.stages().isEmpty() ? "" : " " + v.stages()) + (v.enabled() ? "" : "\t已停用/disabled"));
                }
            }
            case "passwd" -> {
                String password = o.passwordStdin ? readPassword() : generated();
                accounts.update(cli, o.username(), new AccountService.AccountChange(null, null, null, password, null), "cli");
                out.println("已重置口令 / password reset: " + o.username() + (o.passwordStdin ? "" : "，新口令 / new password: " + password));
            }
            case "roles" -> {
                Account.View v = accounts.changeRoles(cli, o.username(), new AccountService.RoleChange(o.roles, o.stages), "cli");
                out.println("角色已更新 / roles: " + v.username() + " " + v.roles() + (v.stages().isEmpty() ? "" : " " + v.stages()));
            }
            case "disable", "enable", "unlock" -> {
                accounts.update(cli, o.username(), new AccountService.AccountChange(null, null, o.command.equals("unlock") ? null
                        : o.command.equals("enable"), null, o.command.equals("unlock") ? Boolean.TRUE : null), "cli");
                out.println("完成 / done: " + o.command + " " + o.username());
            }
            default -> throw new IllegalStateException(o.command);
        }
        return 0;
    }

    /** The installer at the console: may create accounts and assign roles, as the bootstrap of a fresh installation. */
    private static Actor installer() {
        String os = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "");
        return new Actor("cli:" + os, "命令行（" + os + "）", EnumSet.of(Actor.Role.SYSTEM_ADMIN, Actor.Role.SECURITY_ADMIN), null, Set.of());
    }

    private String readPassword() throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw ApiException.badRequest("NO_PASSWORD", "标准输入中没有口令", "no password on standard input");
        }
        return line;
    }

    /** A random initial password that meets the policy: 16 characters from four classes. */
    static String generated() {
        SecureRandom r = new SecureRandom();
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "#%+-=@"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String c = classes[i < 4 ? i : r.nextInt(classes.length)];
            b.append(c.charAt(r.nextInt(c.length())));
        }
        return b.toString();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return String.valueOf(c.getMessage()).lines().findFirst().orElse("");
    }

    /** Parsed command-line options. */
    private static final class Options {
        String command;
        List<String> positional = new ArrayList<>();
        String name;
        String department;
        List<String> roles;
        List<String> stages;
        boolean passwordStdin;

        String username() {
            return positional.get(0);
        }

        static Options parse(List<String> args) {
            Options o = new Options();
            o.command = args.get(0);
            if (!List.of("add", "list", "passwd", "roles", "disable", "enable", "unlock").contains(o.command)) {
                throw new IllegalArgumentException("未知子命令 / unknown subcommand: " + o.command);
            }
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--name" -> o.name = value(args, ++i, a);
                    case "--department" -> o.department = value(args, ++i, a);
                    case "--roles" -> o.roles = List.of(value(args, ++i, a).split(","));
                    case "--stages" -> o.stages = List.of(value(args, ++i, a).split(","));
                    case "--password-stdin" -> o.passwordStdin = true;
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("未知参数 / unknown option: " + a);
                        }
                        o.positional.add(a);
                    }
                }
            }
            boolean needsUser = !o.command.equals("list");
            if (needsUser && o.positional.size() != 1) {
                throw new IllegalArgumentException("请给出一个用户名 / name one username");
            }
            if ((o.command.equals("add") || o.command.equals("roles")) && o.roles == null) {
                throw new IllegalArgumentException("请用 --roles 指定角色 / --roles is required");
            }
            return o;
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " 需要一个值 / needs a value");
            }
            return args.get(i);
        }
    }
}
