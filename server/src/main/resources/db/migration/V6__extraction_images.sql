-- Issue 9: which pictures of a document were OCR'd and which were not (and why), as extracted; shown in the report
-- as "images". One JSON array per checked document; null for documents without pictures or checked before V6.
ALTER TABLE document_text ADD COLUMN images_json TEXT;
