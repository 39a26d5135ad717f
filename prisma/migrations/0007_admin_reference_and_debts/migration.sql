-- AlterTable
ALTER TABLE "overdue_debts" ADD COLUMN     "clear_reason" TEXT,
ADD COLUMN     "clear_requested_at" TIMESTAMP(3),
ADD COLUMN     "clear_requested_by" TEXT,
ADD COLUMN     "ward_code" TEXT;

-- CreateTable
CREATE TABLE "ward_associations" (
    "ward_code" TEXT NOT NULL,
    "association_code" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ward_associations_pkey" PRIMARY KEY ("ward_code","association_code")
);

-- CreateIndex
CREATE INDEX "overdue_debts_ward_code_idx" ON "overdue_debts"("ward_code");

-- AddForeignKey
ALTER TABLE "ward_associations" ADD CONSTRAINT "ward_associations_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "wards"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ward_associations" ADD CONSTRAINT "ward_associations_association_code_fkey" FOREIGN KEY ("association_code") REFERENCES "mass_organisations"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "overdue_debts" ADD CONSTRAINT "overdue_debts_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "wards"("code") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill: a debt recorded before wards were required belongs to the ward of the citizen's household
-- (as head or member), else of their latest application. What no row places keeps a null ward.
UPDATE "overdue_debts" AS d SET "ward_code" = placed.ward_code
FROM (
    SELECT DISTINCT ON (citizen_id) citizen_id, ward_code
    FROM (
        SELECT h."head_citizen_id" AS citizen_id, h."ward_code", 0 AS rank, h."created_at" AS at FROM "households" h
        UNION ALL
        SELECT m."citizen_id", h."ward_code", 0, h."created_at"
        FROM "household_members" m JOIN "households" h ON h."id" = m."household_id"
        WHERE m."citizen_id" IS NOT NULL
        UNION ALL
        SELECT a."borrower_citizen_id", a."ward_code", 1, a."submitted_at" FROM "applications" a
    ) AS candidates
    ORDER BY citizen_id, rank, at DESC
) AS placed
WHERE d."ward_code" IS NULL AND d."citizen_id" = placed.citizen_id;

-- The associations that already manage a group in a ward operate there.
INSERT INTO "ward_associations" ("ward_code", "association_code")
SELECT DISTINCT "ward_code", "association_code" FROM "savings_groups"
ON CONFLICT DO NOTHING;
