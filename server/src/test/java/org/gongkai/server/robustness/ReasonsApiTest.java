package org.gongkai.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.server.App;
import org.gongkai.server.HttpApi;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.cli.CheckCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files gongkai cannot read get a reason that fits, the same from the server and the CLI: a DRM/IRM-protected .doc is
 * MANUAL_REVIEW "已加密/受权限保护" (it was refused with 415); a Microsoft Works .wps is refused (415) as an unsupported old
 * format to be saved as DOCX (it went to MANUAL_REVIEW as a blank scan); encrypted workbooks and slides are called
 * workbooks and slides (they were called Word documents).
 */
class ReasonsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static App app;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        app = App.create(TestAccounts.config(dir.resolve("data"))).start();
        api = new HttpApi(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode checked(String name, byte[] bytes) throws Exception {
        return api.check(name, bytes);
    }

    /** The CLI's report of the same bytes under the same name. */
    private static JsonNode cli(String name, byte[] bytes) throws Exception {
        Path f = Files.write(Files.createDirectories(dir.resolve("cli")).resolve(name), bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CheckCommand(TestEnv.config(dir.resolve("cli-data")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(List.of(f.toString()), null, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
    }

    private static String explanations(JsonNode report) {
        StringBuilder sb = new StringBuilder();
        report.get("findings").forEach(f -> sb.append(f.get("category").asText()).append(' ').append(f.get("explanation").asText()).append('\n'));
        return sb.toString();
    }

    /** A Word 97–2003 file protected with Information Rights Management: a DRM data space beside the document. */
    private static byte[] drmDoc() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(Files.newInputStream(TestEnv.fixtures().resolve("extraction").resolve("hidden-tracked-comment.doc")));
             ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            DirectoryEntry spaces = fs.getRoot().createDirectory("\u0006DataSpaces");
            spaces.createDocument("Version", new ByteArrayInputStream(new byte[] {8, 0, 0, 0}));
            DirectoryEntry info = spaces.createDirectory("DataSpaceInfo");
            info.createDocument("\tDRMDataSpace", new ByteArrayInputStream(new byte[] {8, 0, 0, 0, 1, 0, 0, 0}));
            fs.getRoot().createDocument("\tDRMContent", new ByteArrayInputStream(new byte[256]));
            fs.writeFilesystem(o);
            return o.toByteArray();
        }
    }

    /** A Microsoft Works word-processor file (OLE2 with the MatOST stream of Works 3 and 4). */
    private static byte[] worksWps() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream("Works text 工作文本".getBytes(StandardCharsets.UTF_16LE)), "MatOST");
            fs.writeFilesystem(o);
            return o.toByteArray();
        }
    }

    private static byte[] encrypt(byte[] ooxml) throws Exception {
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("secret");
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(ooxml);
            }
            fs.writeFilesystem(o);
            return o.toByteArray();
        }
    }

    @Test
    void a_rights_protected_doc_goes_to_manual_review_named_as_protected() throws Exception {
        byte[] drm = drmDoc();
        for (JsonNode r : new JsonNode[] {checked("通知.doc", drm), cli("通知.doc", drm)}) {
            assertEquals("MANUAL_REVIEW", r.get("route").asText(), explanations(r));
            assertTrue(explanations(r).contains("已加密/受权限保护"), explanations(r));
        }
    }

    @Test
    void a_works_file_is_refused_as_an_old_format_to_save_as_docx() throws Exception {
        byte[] wps = worksWps();
        HttpResponse<String> r = api.upload("旧文件.wps", wps);
        assertEquals(415, r.statusCode(), r.body());
        String m = JSON.readTree(r.body()).get("error").get("message").asText();
        assertTrue(m.contains("不支持的旧格式") && m.contains("DOCX") && m.contains(" / "), m);
        JsonNode c = cli("旧文件.wps", wps);
        assertEquals("MANUAL_REVIEW", c.get("route").asText());
        assertTrue(explanations(c).contains("不支持的旧格式"), explanations(c));
        // a Kingsoft WPS Writer file (.wps, the Word binary format) is still read
        JsonNode kingsoft = checked("金山文字.wps", Files.readAllBytes(TestEnv.fixtures().resolve("extraction").resolve("hidden-tracked-comment.doc")));
        assertFalse(explanations(kingsoft).contains("不支持"), explanations(kingsoft));
    }

    @Test
    void encrypted_workbooks_and_slides_are_named_as_what_they_are() throws Exception {
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("名单").createRow(0).createCell(0).setCellValue("名单");
            wb.write(x);
        }
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        try (XMLSlideShow s = new XMLSlideShow()) {
            s.createSlide();
            s.write(p);
        }
        JsonNode xlsx = checked("名单.xlsx", encrypt(x.toByteArray()));
        assertEquals("MANUAL_REVIEW", xlsx.get("route").asText());
        assertTrue(explanations(xlsx).contains("Excel 工作簿已加密") && !explanations(xlsx).contains("Word"), explanations(xlsx));
        JsonNode pptx = checked("汇报.pptx", encrypt(p.toByteArray()));
        assertTrue(explanations(pptx).contains("PowerPoint 演示文稿已加密") && !explanations(pptx).contains("Word"), explanations(pptx));
        JsonNode docx = cli("通知.docx", encrypt(x.toByteArray()));
        assertTrue(explanations(docx).contains("Word 文档已加密"), explanations(docx));
    }
}
