package org.gongkai.spi;

/**
 * Parses the 公文 structure (GB/T 9704 elements, 文种, disclosure annotation) from extracted text. The host
 * runs the first configured parser once per document, before any {@link Detector}, and hands the result to
 * detectors and routers through {@link DetectionContext#structure()}.
 *
 * <p>Parsers read only {@link Part#visible() visible} blocks. They never throw for odd input: what cannot
 * be recognised is simply absent ({@link DocumentStructure#empty()} at worst).
 *
 * @since 0.1
 */
public interface StructureParser extends Plugin {
    DocumentStructure parse(DocumentText text, NormalizedText normalized);
}
