-- ocop_extract postgresql schema, generated from ocop_extract/models.py: do not edit.
-- Regenerate: python -m ocop_extract schema --sql postgresql > schemas/postgresql.sql
-- Fingerprint: 7e169b7ec340266e

CREATE TABLE IF NOT EXISTS "documents" (
    "document_id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "doc_id" TEXT NOT NULL,
    "source_path" TEXT NOT NULL,
    "source_sha256" TEXT,
    "source_encoding" TEXT,
    "source_format" TEXT CHECK ("source_format" IN ('txt', 'html', 'pdf', 'pdf-ocr', 'docx', 'doc')),
    "source_text_sha256" TEXT,
    "genre" TEXT CHECK ("genre" IN ('official', 'news')),
    "doc_type" TEXT,
    "number" TEXT,
    "number_parts_sequence" TEXT,
    "number_parts_year" INTEGER,
    "number_parts_type_code" TEXT,
    "number_parts_body_code" TEXT,
    "issuer" TEXT,
    "province" TEXT,
    "province_2025" TEXT,
    "signer" TEXT,
    "issued_date" TEXT,
    "published_date" TEXT,
    "plan_year_first" INTEGER,
    "plan_year_last" INTEGER,
    "warnings" JSONB NOT NULL,
    "record_json" JSONB NOT NULL,
    "record_sha256" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE ("doc_id", "source_path")
);

CREATE INDEX IF NOT EXISTS "documents_province_idx" ON "documents" ("province");

CREATE INDEX IF NOT EXISTS "documents_issuer_idx" ON "documents" ("issuer");

CREATE INDEX IF NOT EXISTS "documents_number_idx" ON "documents" ("number");

CREATE TABLE IF NOT EXISTS "targets" (
    "document_id" BIGINT NOT NULL,
    "ordinal" INTEGER NOT NULL CHECK ("ordinal" >= 0),
    "value" DOUBLE PRECISION NOT NULL,
    "value_max" DOUBLE PRECISION,
    "comparator" TEXT NOT NULL CHECK ("comparator" IN ('>=', '>', '<=', '<', '=', 'range', '~')),
    "unit" TEXT NOT NULL CHECK ("unit" IN ('%', 'VND', 'times', 'product', 'entity', 'sales_point', 'event', 'session', 'admin_unit', 'person', 'other')),
    "unit_text" TEXT NOT NULL,
    "stars" INTEGER CHECK ("stars" >= 1 AND "stars" <= 5),
    "year" INTEGER,
    "per" TEXT CHECK ("per" IN ('year')),
    "status" TEXT NOT NULL CHECK ("status" IN ('target', 'actual')),
    "scope" TEXT,
    "metric" TEXT,
    "span_start" INTEGER NOT NULL,
    "span_end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "rule" TEXT,
    "confidence" DOUBLE PRECISION CHECK ("confidence" >= 0 AND "confidence" <= 1),
    "explain" JSONB,
    "indicator" TEXT,
    "scope_name" TEXT,
    "scope_level" TEXT CHECK ("scope_level" IN ('province', 'district', 'commune')),
    "scope_province" TEXT,
    "scope_province_2025" TEXT,
    PRIMARY KEY ("document_id", "ordinal"),
    FOREIGN KEY ("document_id") REFERENCES "documents" ("document_id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "targets_unit_year_idx" ON "targets" ("unit", "year");

CREATE INDEX IF NOT EXISTS "targets_status_idx" ON "targets" ("status");

CREATE TABLE IF NOT EXISTS "references" (
    "document_id" BIGINT NOT NULL,
    "ordinal" INTEGER NOT NULL CHECK ("ordinal" >= 0),
    "type" TEXT,
    "number" TEXT,
    "date" TEXT,
    "issuer" TEXT,
    "number_parts_sequence" TEXT,
    "number_parts_year" INTEGER,
    "number_parts_type_code" TEXT,
    "number_parts_body_code" TEXT,
    "span_start" INTEGER,
    "span_end" INTEGER,
    PRIMARY KEY ("document_id", "ordinal"),
    FOREIGN KEY ("document_id") REFERENCES "documents" ("document_id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "references_number_idx" ON "references" ("number");

CREATE TABLE IF NOT EXISTS "places" (
    "document_id" BIGINT NOT NULL,
    "ordinal" INTEGER NOT NULL CHECK ("ordinal" >= 0),
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL CHECK ("level" IN ('province', 'district', 'commune')),
    "province" TEXT,
    "span_start" INTEGER NOT NULL,
    "span_end" INTEGER NOT NULL,
    PRIMARY KEY ("document_id", "ordinal"),
    FOREIGN KEY ("document_id") REFERENCES "documents" ("document_id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "places_name_idx" ON "places" ("name");

CREATE TABLE IF NOT EXISTS "errors" (
    "document_id" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    PRIMARY KEY ("document_id"),
    FOREIGN KEY ("document_id") REFERENCES "documents" ("document_id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "errors_type_idx" ON "errors" ("type");

CREATE TABLE IF NOT EXISTS "indicators" (
    "ordinal" INTEGER NOT NULL CHECK ("ordinal" >= 0),
    "province" TEXT,
    "province_2025" TEXT,
    "place" TEXT,
    "place_level" TEXT CHECK ("place_level" IN ('province', 'district', 'commune')),
    "year" INTEGER,
    "indicator" TEXT NOT NULL,
    "indicator_label" TEXT NOT NULL,
    "stars" INTEGER CHECK ("stars" >= 1 AND "stars" <= 5),
    "status" TEXT NOT NULL CHECK ("status" IN ('target', 'actual')),
    "per" TEXT CHECK ("per" IN ('year')),
    "value" DOUBLE PRECISION NOT NULL,
    "value_max" DOUBLE PRECISION,
    "comparator" TEXT NOT NULL CHECK ("comparator" IN ('>=', '>', '<=', '<', '=', 'range', '~')),
    "unit" TEXT NOT NULL CHECK ("unit" IN ('%', 'VND', 'times', 'product', 'entity', 'sales_point', 'event', 'session', 'admin_unit', 'person', 'other')),
    "conflict" INTEGER NOT NULL CHECK ("conflict" >= 0 AND "conflict" <= 1),
    "values" JSONB NOT NULL,
    "doc_id" TEXT NOT NULL,
    "source_path" TEXT NOT NULL,
    "genre" TEXT,
    "doc_type" TEXT,
    "number" TEXT,
    "span_start" INTEGER NOT NULL,
    "span_end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "documents" JSONB NOT NULL,
    "spans" JSONB NOT NULL,
    "mentions" INTEGER NOT NULL CHECK ("mentions" >= 1),
    PRIMARY KEY ("ordinal")
);

CREATE INDEX IF NOT EXISTS "indicators_indicator_year_idx" ON "indicators" ("indicator", "year");

CREATE INDEX IF NOT EXISTS "indicators_province_idx" ON "indicators" ("province");

CREATE TABLE IF NOT EXISTS "ocop_schema" ("name" TEXT PRIMARY KEY, "value" TEXT NOT NULL);
