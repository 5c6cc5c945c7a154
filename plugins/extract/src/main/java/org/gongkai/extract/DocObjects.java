package org.gongkai.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Picture;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;

/**
 * What a Word 97–2003 file holds besides its text: the OLE objects of its {@code ObjectPool} (each copied into an OLE2
 * file of its own and read by {@link EmbeddedReader}, at any depth) and its pictures (OCR, or a gap).
 */
final class DocObjects {
    private DocObjects() {
    }

    static void read(HWPFDocument doc, POIFSFileSystem fs, BlockSink sink, ExtractionLimits limits, Images images, EmbeddedReader embedded, Path work)
            throws ExtractionException {
        try {
            if (fs.getRoot().hasEntry("ObjectPool") && fs.getRoot().getEntry("ObjectPool") instanceof DirectoryEntry pool) {
                for (Entry e : pool) {
                    if (e instanceof DirectoryEntry d) {
                        byte[] ole;
                        try (POIFSFileSystem one = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                            EntryUtils.copyNodes(d, one.getRoot());
                            one.writeFilesystem(out);
                            ole = out.toByteArray();
                        }
                        embedded.read(new ByteArrayInputStream(ole), "ObjectPool/" + d.getName(), sink, limits, images);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "嵌入对象无法读取 / the embedded objects could not be read (" + e.getClass().getSimpleName() + ")", null);
        }
        try {
            int n = 0;
            for (Picture p : doc.getPicturesTable().getAllPictures()) {
                n++;
                byte[] content = p.getContent();
                if (content != null && content.length > 0) {
                    images.read(new ByteArrayInputStream(content), work, Part.BODY, null, "图片" + n + "（" + p.suggestFullFileName() + "）", sink);
                }
            }
        } catch (RuntimeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "图片无法读取 / the pictures could not be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }
}
