package org.gongkai.server.accuracy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The expected outcome of one labelled fixture ({@code fixtures/labelled/<name>.expected.json}), written
 * from the rules before any detector ran on it.
 *
 * @param file           the document beside the label
 * @param declared       attribute declared with the upload, or null
 * @param reason         reason declared with the upload, or null
 * @param interpretation whether an interpretation file accompanies the upload
 * @param attribute      expected detected annotation (PUBLIC … NONE)
 * @param route          expected route
 * @param findings       what a careful reviewer flags: category and the text (null: anywhere in the document)
 * @param mustNotFind    "CATEGORY" or "CATEGORY:text" that must not be reported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledDocument(String file, String declared, String reason, Boolean interpretation, String attribute, String route,
                               List<Expected> findings, List<String> mustNotFind, String notes) {

    /** One expected finding. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expected(String category, String text) {
    }
}
