package org.gongkai.gongwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real rule texts in /work/shared/seeds quote the markings ("此件公开发布") and talk about 请示 and
 * 征求意见稿; none of 000–003 is itself annotated, and none of the five is a request. Seed 004 is the published
 * 江北区 notice itself (江北府办发〔2022〕37号): it carries a real stand-alone "(此件公开发布)" line after its
 * signature and (garbled) date, before 附件1 — that one must be found, in half-width parentheses.
 */
class SeedTextsTest {
    private static final Path SEEDS = Path.of("/work/shared/seeds");

    private static String seed(String prefix) throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "seeds folder absent");
        try (var files = Files.list(SEEDS)) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            assumeTrue(p != null, "seed " + prefix + " absent");
            return Files.readString(p, StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_", "003_"})
    void rule_texts_quoting_markings_have_no_annotation(String prefix) throws IOException {
        DetectionContext ctx = Docs.ctx(seed(prefix), null, null, false);
        assertEquals(Attribute.NONE, ctx.structure().detectedAttribute(), prefix + " " + ctx.structure().annotation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_", "003_", "004_"})
    void rule_texts_mentioning_requests_are_not_process_information(String prefix) throws IOException {
        DetectionContext ctx = Docs.ctx(seed(prefix), null, null, false);
        assertEquals(List.of(), Docs.categories(new ProcessInfoDetector().detect(ctx)), prefix + " docType=" + ctx.structure().docType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_", "003_"})
    void rule_texts_are_returned_for_missing_attribute_only(String prefix) throws IOException {
        DetectionContext ctx = Docs.ctx(seed(prefix), null, null, false);
        assertEquals(List.of(Category.ATTRIBUTE_MISSING), Docs.categories(new AttributeDetector().detect(ctx)));
    }

    @org.junit.jupiter.api.Test
    void published_jiangbei_notice_carries_its_own_annotation_before_the_attachments() throws IOException {
        String text = seed("004_");
        DetectionContext ctx = Docs.ctx(text, null, null, false);
        assertEquals(Attribute.PUBLIC, ctx.structure().detectedAttribute());
        assertEquals("(此件公开发布)", ctx.structure().annotation().wording());
        org.junit.jupiter.api.Assertions.assertTrue(ctx.structure().annotation().span().start() < text.indexOf("附件1\n"));
        org.junit.jupiter.api.Assertions.assertTrue(Docs.categories(new FormatDetector().detect(ctx)).contains(Category.FORMAT));
    }
}
