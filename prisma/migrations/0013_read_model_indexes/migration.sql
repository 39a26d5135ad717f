-- Indexes for the read model at volume (npm run bench:volume: 1,000,000 applications, 10,000,000 audit events).
-- The inbox and the list read their ids from these indexes alone (index-only scans), then only the rows they
-- answer with. The inbox index starts with (ward_code, status), so it replaces that index. Plain btree indexes:
-- the same on PGlite and PostgreSQL. The name search needs no trigram index: it is always bounded by the
-- officer's scope (at most a bank office's wards), and the folded name is in the list index, so the search
-- filters index entries without reading the table.
-- DropIndex
DROP INDEX "applications_ward_code_status_idx";

-- CreateIndex
CREATE INDEX "wards_bank_office_code_idx" ON "wards"("bank_office_code");

-- CreateIndex
CREATE INDEX "applications_inbox_idx" ON "applications"("ward_code", "status", "current_step", "step_since", "submitted_at", "proposed_by", "step_holder", "id");

-- CreateIndex
CREATE INDEX "applications_list_idx" ON "applications"("ward_code", "submitted_at" DESC, "id", "status", "current_step", "group_code", "association_code", "borrower_name_folded");

