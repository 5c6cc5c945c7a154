package org.gongkai.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./gongkai users …} on a fresh installation, without a server, then the accounts signing in to the server. */
class UsersCommandTest {
    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
    }

    private Run users(ServerConfig cfg, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new UsersCommand(cfg, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_first_accounts_are_created_on_a_fresh_installation_and_sign_in() throws Exception {
        ServerConfig cfg = TestEnv.config(data); // no bootstrap token at all
        Run admin = users(cfg, "", "add", "sys.admin", "--name", "系统管理员", "--roles", "SYSTEM_ADMIN");
        assertEquals(0, admin.code(), admin.err());
        String generated = admin.out().substring(admin.out().lastIndexOf(": ") + 2).strip();
        assertTrue(new PasswordPolicy().problem(generated, "sys.admin").isEmpty(), "the generated password meets the policy: " + generated);
        assertEquals(0, users(cfg, TestAccounts.PASSWORD + "\n", "add", "Chen.Jun", "--name", "陈军", "--department", "财政局", "--roles",
                "APPROVER", "--stages", "科室负责人", "--password-stdin").code());
        Run dup = users(cfg, TestAccounts.PASSWORD + "\n", "add", "chen.jun", "--name", "重名", "--roles", "DRAFTER", "--password-stdin");
        assertEquals(1, dup.code(), "usernames compare case-insensitively");
        assertTrue(dup.err().contains("USERNAME_TAKEN") || dup.err().contains("用户名已存在"), dup.err());
        Run separation = users(cfg, TestAccounts.PASSWORD + "\n", "add", "two.hats", "--name", "兼任", "--roles", "AUDITOR,SECURITY_ADMIN",
                "--password-stdin");
        assertEquals(1, separation.code());
        assertTrue(separation.err().contains("三员分立"), separation.err());
        assertEquals(2, users(cfg, "", "add", "no.roles", "--name", "无角色").code(), "--roles is required");
        assertEquals(2, users(cfg, "", "frobnicate").code());
        Run list = users(cfg, "", "list");
        assertTrue(list.out().contains("Chen.Jun\t陈军\t财政局\t[APPROVER] [SECTION_HEAD]"), list.out());

        try (App app = App.create(cfg).startProcessing()) {
            JavalinTest.test(app.javalin(), new TestAccounts.Caller().config(), (server, c) -> {
                Response t = c.request("/api/v1/auth/token", b -> b.post(TestAccounts.json(Map.of("username", "sys.admin", "password", generated))));
                assertEquals(200, t.code());
                String token = TestAccounts.read(t).get("token").asText();
                assertEquals(201, c.request("/api/v1/users", TestAccounts.bearer(token).andThen(b -> b.post(TestAccounts.json(Map.of(
                        "username", "li.ming", "displayName", "李明", "password", TestAccounts.PASSWORD, "department", "财政局",
                        "roles", List.of("DRAFTER")))))).code(), "the first administrator creates the office's accounts");
                assertEquals(200, c.request("/api/v1/auth/token", b -> b.post(TestAccounts.json(Map.of("username", "CHEN.JUN",
                        "password", TestAccounts.PASSWORD)))).code());
            });
        }
        assertEquals(0, users(cfg, "", "disable", "chen.jun").code());
        try (App app = App.create(cfg).startProcessing()) {
            JavalinTest.test(app.javalin(), new TestAccounts.Caller().config(), (server, c) -> assertEquals(401, c.request("/api/v1/auth/token",
                    b -> b.post(TestAccounts.json(Map.of("username", "chen.jun", "password", TestAccounts.PASSWORD)))).code(), "disabled"));
        }
    }
}
