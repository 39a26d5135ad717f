-- AlterTable
ALTER TABLE "wards" ADD COLUMN     "bank_office_code" TEXT;

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "association_code" TEXT,
ADD COLUMN     "proposed_amount" BIGINT,
ADD COLUMN     "proposed_by" TEXT,
ADD COLUMN     "proposed_term_months" INTEGER,
ADD COLUMN     "step_since" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "officer_accounts" ADD COLUMN     "citizen_id" TEXT;

-- CreateTable
CREATE TABLE "bank_offices" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_offices_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "household_members" (
    "id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "full_name" TEXT NOT NULL,
    "citizen_id" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,

    CONSTRAINT "household_members_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "household_members_citizen_id_idx" ON "household_members"("citizen_id");

-- CreateIndex
CREATE UNIQUE INDEX "household_members_household_id_citizen_id_key" ON "household_members"("household_id", "citizen_id");

-- CreateIndex
CREATE INDEX "applications_ward_code_association_code_status_idx" ON "applications"("ward_code", "association_code", "status");

-- AddForeignKey
ALTER TABLE "wards" ADD CONSTRAINT "wards_bank_office_code_fkey" FOREIGN KEY ("bank_office_code") REFERENCES "bank_offices"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill: an application's association is its group's managing association.
UPDATE "applications" AS a SET "association_code" = g."association_code"
FROM "savings_groups" AS g WHERE g."code" = a."group_code";
ALTER TABLE "applications" ALTER COLUMN "association_code" SET NOT NULL;

-- The audit trail is append-only, whatever the client: updates and deletes are refused by the database.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_events_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
